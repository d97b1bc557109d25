/* broadsheet-story-row.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-clock.h"
#include "broadsheet-story-row.h"
#include "broadsheet-thumbnail.h"
#include "broadsheet-time-format.h"

/* One headline in the list: kicker, headline, read state, byline and time.
 * Feed text goes into labels as plain text, never as markup.
 */
struct _BroadsheetStoryRow
{
  GtkWidget parent_instance;

  BroadsheetStory *story;
  gulong           read_handler;
  gulong           saved_handler;
  gulong           clock_handler;

  GtkWidget *box;
  /* Inscriptions, not labels: they are sized by lines and characters
   * rather than by laying out their text, which the list would do for some
   * 200 rows at once (docs/performance.md).
   */
  GtkInscription *kicker_label;
  GtkInscription *headline_label;
  GtkWidget *unread_label;
  GtkWidget *saved_image;
  BroadsheetThumbnail *thumbnail;
  GtkInscription *meta_label;
  char      *meta;
  GtkWidget *menu;        /* The context menu, made on first use. */
  guint      position;
};

G_DEFINE_FINAL_TYPE (BroadsheetStoryRow, broadsheet_story_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORY,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_meta (BroadsheetStoryRow *self)
{
  GDateTime *published = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *meta = NULL;

  if (self->story != NULL)
    {
      published = broadsheet_story_get_published (self->story);
      byline = broadsheet_format_byline (broadsheet_story_get_authors (self->story));
    }

  if (published != NULL)
    {
      relative = broadsheet_format_relative_time (published,
                                                  broadsheet_clock_get_now (broadsheet_clock_get_default ()));
    }

  if (byline != NULL && relative != NULL)
    /* Translators: byline and relative time of a story, as in "By Ann · 4 hours ago". */
    meta = g_strdup_printf (_("%s · %s"), byline, relative);
  else
    meta = g_strdup (byline != NULL ? byline : relative);

  gtk_inscription_set_text (self->meta_label, meta);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), meta != NULL);
  g_free (self->meta);
  self->meta = g_steal_pointer (&meta);
}

/* The exact time, as a tooltip on the relative one. Asked for when the
 * pointer rests there rather than set on every bind: setting a tooltip makes
 * GTK ask the X server where the pointer is, and the list binds some 200
 * rows at once when a big feed arrives (docs/performance.md).
 */
static gboolean
meta_query_tooltip_cb (GtkWidget          *label,
                       int                 x,
                       int                 y,
                       gboolean            keyboard,
                       GtkTooltip         *tooltip,
                       BroadsheetStoryRow *self)
{
  GDateTime *published = self->story != NULL ? broadsheet_story_get_published (self->story) : NULL;
  g_autofree char *exact = NULL;

  if (published == NULL)
    return FALSE;

  exact = broadsheet_format_exact_time (published);
  gtk_tooltip_set_text (tooltip, exact);
  return TRUE;
}

static gboolean
saved_query_tooltip_cb (GtkWidget  *image,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, C_("story state", "Saved"));
  return TRUE;
}

/* One sentence for screen readers with everything the row shows, states in
 * words. It goes on the list item too, as that is what takes focus.
 */
static void
update_accessible_label (BroadsheetStoryRow *self)
{
  g_autoptr(GString) label = g_string_new (NULL);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (self->story == NULL)
    return;

  g_string_append (label, broadsheet_story_get_headline (self->story));
  if (self->meta != NULL)
    /* Translators: joins the parts of a headline's spoken description. */
    g_string_append_printf (label, _(", %s"), self->meta);
  if (!broadsheet_story_get_read (self->story))
    g_string_append_printf (label, _(", %s"), C_("story state", "Unread"));
  if (broadsheet_story_get_saved (self->story))
    g_string_append_printf (label, _(", %s"), C_("story state", "Saved"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                  -1);
  if (parent != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                    -1);
}

static void
update_state (BroadsheetStoryRow *self)
{
  gboolean unread = self->story != NULL && !broadsheet_story_get_read (self->story);
  gboolean saved = self->story != NULL && broadsheet_story_get_saved (self->story);

  gtk_widget_set_visible (self->unread_label, unread);
  gtk_widget_set_visible (self->saved_image, saved);
  if (unread)
    gtk_widget_add_css_class (GTK_WIDGET (self), "unread");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "unread");

  update_accessible_label (self);
}

static void
story_state_changed_cb (BroadsheetStoryRow *self)
{
  update_state (self);
}

static void
clock_now_changed_cb (BroadsheetStoryRow *self)
{
  update_meta (self);
  update_accessible_label (self);
}

void
broadsheet_story_row_set_story (BroadsheetStoryRow *self,
                                BroadsheetStory    *story)
{
  g_return_if_fail (BROADSHEET_IS_STORY_ROW (self));
  g_return_if_fail (story == NULL || BROADSHEET_IS_STORY (story));

  if (self->story == story)
    return;

  g_clear_signal_handler (&self->read_handler, self->story);
  g_clear_signal_handler (&self->saved_handler, self->story);
  g_set_object (&self->story, story);

  if (story != NULL)
    {
      self->read_handler = g_signal_connect_object (story, "notify::read",
                                                    G_CALLBACK (story_state_changed_cb),
                                                    self, G_CONNECT_SWAPPED);
      self->saved_handler = g_signal_connect_object (story, "notify::saved",
                                                     G_CALLBACK (story_state_changed_cb),
                                                     self, G_CONNECT_SWAPPED);
      gtk_inscription_set_text (self->kicker_label, broadsheet_story_get_kicker (story));
      gtk_widget_set_visible (GTK_WIDGET (self->kicker_label),
                              broadsheet_story_get_kicker (story) != NULL);
      gtk_inscription_set_text (self->headline_label, broadsheet_story_get_headline (story));
    }
  else
    {
      gtk_inscription_set_text (self->kicker_label, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->kicker_label), FALSE);
      gtk_inscription_set_text (self->headline_label, NULL);
    }

  update_meta (self);
  update_state (self);
  broadsheet_thumbnail_set_photo (self->thumbnail, story != NULL ? broadsheet_story_get_lead_photo (story) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
}

BroadsheetStory *
broadsheet_story_row_get_story (BroadsheetStoryRow *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY_ROW (self), NULL);

  return self->story;
}

static void
broadsheet_story_row_dispose (GObject *object)
{
  BroadsheetStoryRow *self = (BroadsheetStoryRow *)object;

  g_clear_signal_handler (&self->read_handler, self->story);
  g_clear_signal_handler (&self->saved_handler, self->story);
  g_clear_signal_handler (&self->clock_handler, broadsheet_clock_get_default ());
  g_clear_object (&self->story);
  g_clear_pointer (&self->meta, g_free);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (broadsheet_story_row_parent_class)->dispose (object);
}

static void
broadsheet_story_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BroadsheetStoryRow *self = BROADSHEET_STORY_ROW (object);

  switch (prop_id)
    {
    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_story_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BroadsheetStoryRow *self = BROADSHEET_STORY_ROW (object);

  switch (prop_id)
    {
    case PROP_STORY:
      broadsheet_story_row_set_story (self, g_value_get_object (value));
      break;

    case PROP_POSITION:
      self->position = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The list item this row sits in takes the label once the row is in it. */
static void
broadsheet_story_row_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (broadsheet_story_row_parent_class)->root (widget);

  update_accessible_label (BROADSHEET_STORY_ROW (widget));
}

static void
broadsheet_story_row_class_init (BroadsheetStoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = broadsheet_story_row_dispose;
  object_class->get_property = broadsheet_story_row_get_property;
  object_class->set_property = broadsheet_story_row_set_property;
  widget_class->root = broadsheet_story_row_root;

  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL, BROADSHEET_TYPE_STORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Where the row is in the list, for selecting it before its menu opens. */
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "storyrow");
}

static void
click_released_cb (GtkGestureClick    *gesture,
                   int                 n_press,
                   double              x,
                   double              y,
                   BroadsheetStoryRow *self)
{
  /* The list selects the row as this same click ends; the window then opens
   * the story when one pane shows at a time.
   */
  if (n_press == 1)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-story", NULL);
}

/* The row's menu, worded for the story's state: the window's story actions,
 * on this story, which is selected first.
 */
static GMenuModel *
story_menu_model (BroadsheetStoryRow *self)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, broadsheet_story_get_saved (self->story) ? _("Un_save Story") : _("_Save Story"),
                 "win.toggle-saved");
  g_menu_append (menu, broadsheet_story_get_read (self->story) ? _("Mark as _Unread") : _("Mark as _Read"),
                 "win.toggle-read");
  g_menu_append (menu, _("_Open in Browser"), "win.open-in-browser");
  return G_MENU_MODEL (menu);
}

static void
show_menu (BroadsheetStoryRow *self,
           double              x,
           double              y)
{
  g_autoptr(GMenuModel) model = NULL;
  GdkRectangle pointing_to = { (int)x, (int)y, 1, 1 };

  if (self->story == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "list.select-item", "(ubb)",
                              self->position, FALSE, FALSE);

  model = story_menu_model (self);
  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
    }
  else
    {
      gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);
    }

  if (x < 0)
    {
      pointing_to.x = gtk_widget_get_width (GTK_WIDGET (self)) / 2;
      pointing_to.y = gtk_widget_get_height (GTK_WIDGET (self)) / 2;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &pointing_to);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
secondary_click_cb (GtkGestureClick    *gesture,
                    int                 n_press,
                    double              x,
                    double              y,
                    BroadsheetStoryRow *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_menu (self, x, y);
}

/* Opens the row's menu, pointing at the row: for the keyboard (Shift+F10
 * and the Menu key, handled by the window, since the list item has focus).
 */
void
broadsheet_story_row_show_menu (BroadsheetStoryRow *self)
{
  g_return_if_fail (BROADSHEET_IS_STORY_ROW (self));

  show_menu (self, -1, -1);
}

GtkWidget *
broadsheet_story_row_get_menu (BroadsheetStoryRow *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY_ROW (self), NULL);

  return self->menu;
}

static GtkInscription *
inscription_new (GtkBox     *box,
                 const char *css_class)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (inscription, css_class);
  gtk_box_append (box, inscription);
  return GTK_INSCRIPTION (inscription);
}

/* Built in code rather than from a GtkBuilder template: the list makes some
 * 200 rows in one go when a big feed arrives, and parsing the template took
 * most of that time (docs/performance.md).
 */
static void
build_children (BroadsheetStoryRow *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *state = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (self->box, 10);
  gtk_widget_set_margin_bottom (self->box, 10);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (self->box), text);
  self->kicker_label = inscription_new (GTK_BOX (text), "kicker");
  self->headline_label = inscription_new (GTK_BOX (text), "headline");
  gtk_inscription_set_wrap_mode (self->headline_label, PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_yalign (self->headline_label, 0);
  gtk_inscription_set_min_lines (self->headline_label, 2);
  gtk_inscription_set_nat_lines (self->headline_label, 2);
  gtk_box_append (GTK_BOX (text), state);

  self->saved_image = g_object_new (GTK_TYPE_IMAGE,
                                    "icon-name", "starred-symbolic",
                                    "has-tooltip", TRUE,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                    "css-classes", (const char *[]) { "saved-icon", NULL },
                                    NULL);
  gtk_box_append (GTK_BOX (state), self->saved_image);
  self->unread_label = gtk_label_new (C_("story state", "Unread"));
  gtk_widget_add_css_class (self->unread_label, "unread-badge");
  gtk_box_append (GTK_BOX (state), self->unread_label);
  self->meta_label = inscription_new (GTK_BOX (state), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "caption");
  gtk_widget_set_hexpand (GTK_WIDGET (self->meta_label), TRUE);

  self->thumbnail = g_object_new (BROADSHEET_TYPE_THUMBNAIL, NULL);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->thumbnail));
}

static void
broadsheet_story_row_init (BroadsheetStoryRow *self)
{
  GtkGesture *click;
  GtkGesture *secondary;

  build_children (self);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->meta_label), TRUE);
  g_signal_connect (self->meta_label, "query-tooltip", G_CALLBACK (meta_query_tooltip_cb), self);
  g_signal_connect (self->saved_image, "query-tooltip", G_CALLBACK (saved_query_tooltip_cb), NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (secondary_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));


  self->clock_handler = g_signal_connect_object (broadsheet_clock_get_default (), "notify::now",
                                                 G_CALLBACK (clock_now_changed_cb),
                                                 self, G_CONNECT_SWAPPED);
}
