/* broadsheet-thumbnail.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-application.h"
#include "broadsheet-thumbnail.h"

/* A headline's small picture: its story's lead photo, shown when the
 * "show-thumbnails" preference is on (off by default). It loads through the
 * app's image loader, so it shares the photo caches, only while on screen,
 * and a row rebound to another story cancels the load. A photo that cannot
 * be had leaves no gap: the thumbnail hides.
 */
struct _BroadsheetThumbnail
{
  GtkWidget parent_instance;

  BroadsheetPhoto *photo;
  GCancellable    *cancellable;
  GSettings       *settings;
  GtkPicture      *picture;
};

G_DEFINE_FINAL_TYPE (BroadsheetThumbnail, broadsheet_thumbnail, GTK_TYPE_WIDGET)

#define THUMBNAIL_WIDTH 80
#define THUMBNAIL_HEIGHT 60

static gboolean
wanted (BroadsheetThumbnail *self)
{
  return self->photo != NULL && broadsheet_photo_get_url (self->photo) != NULL &&
         g_settings_get_boolean (self->settings, "show-thumbnails");
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BroadsheetThumbnail) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = broadsheet_image_loader_load_finish (BROADSHEET_IMAGE_LOADER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (texture == NULL)
    {
      g_debug ("No thumbnail for %s: %s", broadsheet_photo_get_url (self->photo), error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

static void
update (BroadsheetThumbnail *self)
{
  BroadsheetImageLoader *loader = broadsheet_application_get_image_loader_for (GTK_WIDGET (self));
  int width = THUMBNAIL_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), wanted (self));

  if (!wanted (self) || !gtk_widget_get_mapped (GTK_WIDGET (self)) || loader == NULL)
    return;

  /* Cropped to fill its box: twice as wide as the box is tall is plenty. */
  self->cancellable = g_cancellable_new ();
  broadsheet_image_loader_load_async (loader, broadsheet_photo_get_url (self->photo), width * 2,
                                      self->cancellable, loaded_cb, g_object_ref (self));
}

static void
setting_changed_cb (BroadsheetThumbnail *self)
{
  update (self);
}

BroadsheetPhoto *
broadsheet_thumbnail_get_photo (BroadsheetThumbnail *self)
{
  g_return_val_if_fail (BROADSHEET_IS_THUMBNAIL (self), NULL);

  return self->photo;
}

void
broadsheet_thumbnail_set_photo (BroadsheetThumbnail *self,
                                BroadsheetPhoto     *photo)
{
  g_return_if_fail (BROADSHEET_IS_THUMBNAIL (self));
  g_return_if_fail (photo == NULL || BROADSHEET_IS_PHOTO (photo));

  if (!g_set_object (&self->photo, photo))
    return;

  update (self);
}

/* Returns: (nullable) (transfer none): what the thumbnail shows, for tests. */
GdkPaintable *
broadsheet_thumbnail_get_paintable (BroadsheetThumbnail *self)
{
  g_return_val_if_fail (BROADSHEET_IS_THUMBNAIL (self), NULL);

  return gtk_picture_get_paintable (self->picture);
}

static void
broadsheet_thumbnail_map (GtkWidget *widget)
{
  BroadsheetThumbnail *self = BROADSHEET_THUMBNAIL (widget);

  GTK_WIDGET_CLASS (broadsheet_thumbnail_parent_class)->map (widget);

  if (self->cancellable == NULL && gtk_picture_get_paintable (self->picture) == NULL)
    update (self);
}

/* Always the same small box, whatever the photo's size: the picture fills
 * it, cropped.
 */
static void
broadsheet_thumbnail_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? THUMBNAIL_WIDTH : THUMBNAIL_HEIGHT;
  *minimum_baseline = *natural_baseline = -1;
}

static void
broadsheet_thumbnail_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  BroadsheetThumbnail *self = BROADSHEET_THUMBNAIL (widget);

  gtk_widget_allocate (GTK_WIDGET (self->picture), width, height, baseline, NULL);
}

static void
broadsheet_thumbnail_dispose (GObject *object)
{
  BroadsheetThumbnail *self = (BroadsheetThumbnail *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->photo);
  g_clear_object (&self->settings);
  if (self->picture != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->picture));
      self->picture = NULL;
    }

  G_OBJECT_CLASS (broadsheet_thumbnail_parent_class)->dispose (object);
}

static void
broadsheet_thumbnail_class_init (BroadsheetThumbnailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = broadsheet_thumbnail_dispose;
  widget_class->map = broadsheet_thumbnail_map;
  widget_class->measure = broadsheet_thumbnail_measure;
  widget_class->size_allocate = broadsheet_thumbnail_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "thumbnail");
  /* The row's label says everything; the picture adds nothing to hear. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
broadsheet_thumbnail_init (BroadsheetThumbnail *self)
{
  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_content_fit (self->picture, GTK_CONTENT_FIT_COVER);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_parent (GTK_WIDGET (self->picture), GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::show-thumbnails",
                           G_CALLBACK (setting_changed_cb), self, G_CONNECT_SWAPPED);
}
