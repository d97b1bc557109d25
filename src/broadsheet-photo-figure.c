/* broadsheet-photo-figure.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-application.h"
#include "broadsheet-image-loader.h"
#include "broadsheet-label-util.h"
#include "broadsheet-photo-figure.h"

/* A photo with its caption and credit under it. The alt text is the
 * picture's accessible description, and stands in for the picture when it
 * cannot be shown. Pictures load through the app's BroadsheetImageLoader
 * (shared HTTP session, caches, size and pixel limits) once the figure is
 * on screen, at the width shown; changing the photo cancels the load.
 */
struct _BroadsheetPhotoFigure
{
  GtkWidget parent_instance;

  BroadsheetPhoto *photo;
  GCancellable    *cancellable;

  GtkWidget  *box;
  GtkPicture *picture;
  GtkLabel   *fallback_label;
  GtkLabel   *caption_label;
  GtkLabel   *credit_label;
};

G_DEFINE_FINAL_TYPE (BroadsheetPhotoFigure, broadsheet_photo_figure, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PHOTO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_fallback (BroadsheetPhotoFigure *self)
{
  const char *alt_text = broadsheet_photo_get_alt_text (self->photo);

  gtk_picture_set_paintable (self->picture, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->picture), "loading");
  gtk_widget_set_visible (GTK_WIDGET (self->picture), FALSE);
  gtk_label_set_text (self->fallback_label,
                      alt_text != NULL ? alt_text : _("The photo could not be shown"));
  gtk_widget_set_visible (GTK_WIDGET (self->fallback_label), TRUE);
}

static void
show_texture (BroadsheetPhotoFigure *self,
              GdkTexture            *texture)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->picture), "loading");
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->picture), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->fallback_label), FALSE);
}

/* Without a Broadsheet window around (a preview, a test), local pictures
 * still show: resources and files, loaded and decoded here.
 */
static void
load_bytes_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BroadsheetPhotoFigure) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      g_debug ("Could not load photo %s: %s", broadsheet_photo_get_url (self->photo),
               error->message);
      show_fallback (self);
      return;
    }

  show_texture (self, texture);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BroadsheetPhotoFigure) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = broadsheet_image_loader_load_finish (BROADSHEET_IMAGE_LOADER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (texture == NULL)
    {
      /* The alt text and caption stand in; why is for whoever debugs it. */
      g_debug ("Could not load photo %s: %s", broadsheet_photo_get_url (self->photo),
               error->message);
      show_fallback (self);
      return;
    }

  show_texture (self, texture);
}

/* While the picture loads, its room is kept: at its own shape when the feed
 * gives its size, 3:2 otherwise, so the text below does not jump.
 */
static void
reserve_room (BroadsheetPhotoFigure *self)
{
  int width = broadsheet_photo_get_width (self->photo);
  int height = broadsheet_photo_get_height (self->photo);
  g_autoptr(GdkPaintable) room = NULL;

  if (width <= 0 || height <= 0)
    {
      width = 720;
      height = 480;
    }
  room = gdk_paintable_new_empty (width, height);
  gtk_picture_set_paintable (self->picture, room);
  gtk_widget_add_css_class (GTK_WIDGET (self->picture), "loading");
  gtk_widget_set_visible (GTK_WIDGET (self->picture), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->fallback_label), FALSE);
}

/* Loads the picture at the width it is shown at, once the figure is on
 * screen; a figure that never is loads nothing.
 */
static void
load_picture (BroadsheetPhotoFigure *self)
{
  const char *url = broadsheet_photo_get_url (self->photo);
  BroadsheetImageLoader *loader = broadsheet_application_get_image_loader_for (GTK_WIDGET (self));
  int width;

  if (self->cancellable != NULL || url == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  if (loader == NULL)
    {
      g_autofree char *scheme = g_uri_parse_scheme (url);
      g_autoptr(GFile) file = NULL;

      if (g_strcmp0 (scheme, "resource") != 0 && g_strcmp0 (scheme, "file") != 0)
        {
          show_fallback (self);
          return;
        }
      file = g_file_new_for_uri (url);
      g_file_load_bytes_async (file, self->cancellable, load_bytes_cb, g_object_ref (self));
      return;
    }

  /* The pane's width in device pixels; the story column is at most 720 wide. */
  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (width <= 0)
    width = 720;
  width *= gtk_widget_get_scale_factor (GTK_WIDGET (self));
  broadsheet_image_loader_load_async (loader, url, width, self->cancellable, loaded_cb,
                                      g_object_ref (self));
}

static void
broadsheet_photo_figure_map (GtkWidget *widget)
{
  BroadsheetPhotoFigure *self = BROADSHEET_PHOTO_FIGURE (widget);

  GTK_WIDGET_CLASS (broadsheet_photo_figure_parent_class)->map (widget);

  if (self->photo != NULL)
    load_picture (self);
}

void
broadsheet_photo_figure_set_photo (BroadsheetPhotoFigure *self,
                                   BroadsheetPhoto       *photo)
{
  const char *alt_text;

  g_return_if_fail (BROADSHEET_IS_PHOTO_FIGURE (self));
  g_return_if_fail (photo == NULL || BROADSHEET_IS_PHOTO (photo));

  if (!g_set_object (&self->photo, photo))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_picture_set_paintable (self->picture, NULL);

  alt_text = photo != NULL ? broadsheet_photo_get_alt_text (photo) : NULL;
  gtk_picture_set_alternative_text (self->picture, alt_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  alt_text != NULL ? alt_text : "",
                                  -1);
  /* Screen readers can reach the caption from the picture (a list of one). */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->caption_label, NULL,
                                  -1);

  broadsheet_label_set_optional_text (self->caption_label, photo != NULL ? broadsheet_photo_get_caption (photo) : NULL);
  broadsheet_label_set_optional_text (self->credit_label, photo != NULL ? broadsheet_photo_get_credit (photo) : NULL);

  if (photo == NULL)
    gtk_picture_set_paintable (self->picture, NULL);
  else if (broadsheet_photo_get_url (photo) == NULL)
    show_fallback (self);
  else
    {
      reserve_room (self);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        load_picture (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO]);
}

BroadsheetPhoto *
broadsheet_photo_figure_get_photo (BroadsheetPhotoFigure *self)
{
  g_return_val_if_fail (BROADSHEET_IS_PHOTO_FIGURE (self), NULL);

  return self->photo;
}

GtkWidget *
broadsheet_photo_figure_new (BroadsheetPhoto *photo)
{
  return g_object_new (BROADSHEET_TYPE_PHOTO_FIGURE, "photo", photo, NULL);
}

static void
broadsheet_photo_figure_dispose (GObject *object)
{
  BroadsheetPhotoFigure *self = (BroadsheetPhotoFigure *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->photo);
  gtk_widget_dispose_template (GTK_WIDGET (self), BROADSHEET_TYPE_PHOTO_FIGURE);

  G_OBJECT_CLASS (broadsheet_photo_figure_parent_class)->dispose (object);
}

static void
broadsheet_photo_figure_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  BroadsheetPhotoFigure *self = BROADSHEET_PHOTO_FIGURE (object);

  switch (prop_id)
    {
    case PROP_PHOTO:
      g_value_set_object (value, self->photo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_photo_figure_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  BroadsheetPhotoFigure *self = BROADSHEET_PHOTO_FIGURE (object);

  switch (prop_id)
    {
    case PROP_PHOTO:
      broadsheet_photo_figure_set_photo (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_photo_figure_class_init (BroadsheetPhotoFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = broadsheet_photo_figure_dispose;
  object_class->get_property = broadsheet_photo_figure_get_property;
  object_class->set_property = broadsheet_photo_figure_set_property;
  widget_class->map = broadsheet_photo_figure_map;

  properties[PROP_PHOTO] =
    g_param_spec_object ("photo", NULL, NULL, BROADSHEET_TYPE_PHOTO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/broadsheet-photo-figure.ui");
  gtk_widget_class_bind_template_child (widget_class, BroadsheetPhotoFigure, box);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetPhotoFigure, picture);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetPhotoFigure, fallback_label);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetPhotoFigure, caption_label);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetPhotoFigure, credit_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figure");
}

static void
broadsheet_photo_figure_init (BroadsheetPhotoFigure *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
