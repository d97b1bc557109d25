/* broadsheet-story-view.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "broadsheet-block-widgets.h"
#include "broadsheet-clock.h"
#include "broadsheet-label-util.h"
#include "broadsheet-photo-figure.h"
#include "broadsheet-search.h"
#include "broadsheet-story-view.h"
#include "broadsheet-time-format.h"

/* The detail pane: one story, from kicker to the last "Go deeper" link,
 * rendered with native widgets in a scrolled, width-clamped column.
 */
struct _BroadsheetStoryView
{
  GtkWidget parent_instance;

  BroadsheetStory *story;
  gulong           clock_handler;

  GtkScrolledWindow     *scrolled_window;
  GtkLabel              *kicker_label;
  GtkLabel              *headline_label;
  GtkLabel              *summary_label;
  GtkLabel              *byline_label;
  GtkLabel              *time_label;
  BroadsheetPhotoFigure *lead_photo;
  GtkBox                *body_box;

  GtkCssProvider        *scale_provider;
  double                 text_scale;
  char                  *highlight;         /* Folded search query, or NULL. */
};

G_DEFINE_FINAL_TYPE (BroadsheetStoryView, broadsheet_story_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORY,
  PROP_TEXT_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_time (BroadsheetStoryView *self)
{
  GDateTime *published = self->story != NULL ? broadsheet_story_get_published (self->story) : NULL;
  GDateTime *updated = self->story != NULL ? broadsheet_story_get_updated (self->story) : NULL;
  GDateTime *now = broadsheet_clock_get_now (broadsheet_clock_get_default ());
  g_autofree char *relative = NULL;
  g_autofree char *updated_relative = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *text = NULL;

  if (published == NULL)
    {
      broadsheet_label_set_optional_text (self->time_label, NULL);
      return;
    }

  relative = broadsheet_format_relative_time (published, now);
  exact = broadsheet_format_exact_time (published);
  updated_relative = updated != NULL && g_date_time_compare (updated, published) > 0
                     ? broadsheet_format_relative_time (updated, now) : NULL;
  /* An update that reads the same as the publication ("18 December") says nothing. */
  if (updated_relative != NULL && g_strcmp0 (updated_relative, relative) != 0)
    {
      g_autofree char *updated_phrase = broadsheet_format_updated_time (updated, now);

      /* Translators: story times, as in "4 hours ago · Updated 1 hour ago". */
      text = g_strdup_printf (_("%s · %s"), relative, updated_phrase);
    }
  else
    {
      text = g_steal_pointer (&relative);
    }

  broadsheet_label_set_optional_text (self->time_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), exact);
}

static void
clock_now_changed_cb (BroadsheetStoryView *self)
{
  update_time (self);
}

static void
clear_body (BroadsheetStoryView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->body_box))) != NULL)
    gtk_box_remove (self->body_box, child);
}

static gboolean
is_rtl_language (const char *language)
{
  static const char * const rtl[] = { "ar", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi" };
  g_autofree char *primary = NULL;

  if (language == NULL)
    return FALSE;

  primary = g_ascii_strdown (language, strcspn (language, "-_"));
  for (guint i = 0; i < G_N_ELEMENTS (rtl); i++)
    if (g_str_equal (primary, rtl[i]))
      return TRUE;
  return FALSE;
}

/* GTK widgets without a direction follow the UI's, not their parent's, so a
 * story's direction is set on every widget in it: labels align and lists,
 * quotes and captions mirror.
 */
static void
set_direction_recursive (GtkWidget        *widget,
                         GtkTextDirection  direction)
{
  gtk_widget_set_direction (widget, direction);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_direction_recursive (child, direction);
}

static void
highlight_label (GtkLabel   *label,
                 const char *query)
{
  g_autoptr(GArray) matches = NULL;
  PangoAttrList *attributes;

  if (query == NULL || *query == '\0')
    {
      gtk_label_set_attributes (label, NULL);
      return;
    }

  matches = broadsheet_search_find (gtk_label_get_text (label), query);
  attributes = pango_attr_list_new ();
  for (guint i = 0; i < matches->len; i++)
    {
      BroadsheetSearchMatch *match = &g_array_index (matches, BroadsheetSearchMatch, i);
      /* GNOME's yellow, with black text on it in light and dark styles. */
      PangoAttribute *background = pango_attr_background_new (0xf6f6, 0xd3d3, 0x2d2d);
      PangoAttribute *foreground = pango_attr_foreground_new (0, 0, 0);

      background->start_index = foreground->start_index = match->start;
      background->end_index = foreground->end_index = match->end;
      pango_attr_list_insert (attributes, background);
      pango_attr_list_insert (attributes, foreground);
    }
  gtk_label_set_attributes (label, matches->len > 0 ? attributes : NULL);
  pango_attr_list_unref (attributes);
}

static void
highlight_recursive (GtkWidget  *widget,
                     const char *query)
{
  if (GTK_IS_LABEL (widget))
    highlight_label (GTK_LABEL (widget), query);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    highlight_recursive (child, query);
}

/* Marks where @folded_query (see broadsheet_search_fold()) appears in the
 * story, in every label; %NULL or "" clears the marks.
 */
void
broadsheet_story_view_set_highlight (BroadsheetStoryView *self,
                                     const char          *folded_query)
{
  g_return_if_fail (BROADSHEET_IS_STORY_VIEW (self));

  if (g_strcmp0 (self->highlight, folded_query) == 0)
    return;

  g_free (self->highlight);
  self->highlight = g_strdup (folded_query);
  highlight_recursive (GTK_WIDGET (self->scrolled_window), self->highlight);
}

static void
show_story (BroadsheetStoryView *self)
{
  BroadsheetStory *story = self->story;
  BroadsheetPhoto *photo = broadsheet_story_get_lead_photo (story);
  g_autofree char *byline = broadsheet_format_byline (broadsheet_story_get_authors (story));

  broadsheet_label_set_optional_text (self->kicker_label, broadsheet_story_get_kicker (story));
  broadsheet_label_set_optional_text (self->headline_label, broadsheet_story_get_headline (story));
  broadsheet_label_set_optional_text (self->summary_label, broadsheet_story_get_summary (story));
  broadsheet_label_set_optional_text (self->byline_label, byline);
  update_time (self);

  broadsheet_photo_figure_set_photo (self->lead_photo, photo);
  gtk_widget_set_visible (GTK_WIDGET (self->lead_photo), photo != NULL);

  for (guint i = 0; i < broadsheet_story_get_n_blocks (story); i++)
    {
      GtkWidget *widget = broadsheet_block_widget_new (broadsheet_story_get_block (story, i));

      gtk_box_append (self->body_box, widget);
    }

  /* A story in a right-to-left language reads from the right, whatever the UI language. */
  set_direction_recursive (GTK_WIDGET (self->scrolled_window),
                           is_rtl_language (broadsheet_story_get_language (story))
                           ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_NONE);
  if (self->highlight != NULL)
    highlight_recursive (GTK_WIDGET (self->scrolled_window), self->highlight);
}

void
broadsheet_story_view_set_story (BroadsheetStoryView *self,
                                 BroadsheetStory     *story)
{
  GtkAdjustment *vadjustment;

  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (BROADSHEET_IS_STORY_VIEW (self));
  g_return_if_fail (story == NULL || BROADSHEET_IS_STORY (story));

  if (!g_set_object (&self->story, story))
    return;

  /* A link of the old story may have focus; keep it in the pane, not lost. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && focus != GTK_WIDGET (self) && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  clear_body (self);
  if (story != NULL)
    show_story (self);
  else
    broadsheet_photo_figure_set_photo (self->lead_photo, NULL);

  /* A new story starts at its top. */
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
}

static GtkAdjustment *
get_vadjustment (BroadsheetStoryView *self)
{
  return gtk_scrolled_window_get_vadjustment (self->scrolled_window);
}

/* Scrolls by @pages screens (negative: up), keeping a few lines of the last
 * screen in view. Returns %FALSE when the story was already at that end.
 */
gboolean
broadsheet_story_view_scroll_pages (BroadsheetStoryView *self,
                                    double               pages)
{
  GtkAdjustment *adjustment;
  double value, target, page_size, last;

  g_return_val_if_fail (BROADSHEET_IS_STORY_VIEW (self), FALSE);

  adjustment = get_vadjustment (self);
  value = gtk_adjustment_get_value (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);
  last = gtk_adjustment_get_upper (adjustment) - page_size;
  target = CLAMP (value + pages * page_size * 0.9, gtk_adjustment_get_lower (adjustment), last);

  if (ABS (target - value) < 1)
    return FALSE;

  gtk_adjustment_set_value (adjustment, target);
  return TRUE;
}

/* Scrolls so that @widget, a part of the story, is on screen: for focus
 * moving from link to link with Tab.
 */
void
broadsheet_story_view_reveal (BroadsheetStoryView *self,
                              GtkWidget           *widget)
{
  GtkAdjustment *adjustment;
  GtkWidget *content;
  graphene_rect_t bounds;
  double value, page_size;

  g_return_if_fail (BROADSHEET_IS_STORY_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  content = gtk_scrolled_window_get_child (self->scrolled_window);
  if (widget == GTK_WIDGET (self) || !gtk_widget_is_ancestor (widget, content) ||
      !gtk_widget_compute_bounds (widget, content, &bounds))
    return;

  adjustment = get_vadjustment (self);
  value = gtk_adjustment_get_value (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);

  /* The viewport's child is laid out from the top of the story. */
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y - 12);
  else if (bounds.origin.y + bounds.size.height > value + page_size)
    gtk_adjustment_set_value (adjustment,
                              MIN (bounds.origin.y - 12,
                                   bounds.origin.y + bounds.size.height - page_size + 12));
}

double
broadsheet_story_view_get_text_scale (BroadsheetStoryView *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY_VIEW (self), 1.0);

  return self->text_scale;
}

/* Sets the size of the story's text, relative to the desktop's font. */
void
broadsheet_story_view_set_text_scale (BroadsheetStoryView *self,
                                      double               scale)
{
  g_autofree char *css = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (BROADSHEET_IS_STORY_VIEW (self));

  scale = CLAMP (scale, BROADSHEET_STORY_VIEW_MIN_SCALE, BROADSHEET_STORY_VIEW_MAX_SCALE);
  if (scale == self->text_scale)
    return;

  self->text_scale = scale;
  /* CSS wants a '.' whatever the locale. */
  g_ascii_formatd (number, sizeof number, "%.0f", scale * 100);
  css = g_strdup_printf ("storyview { font-size: %s%%; }", number);
  gtk_css_provider_load_from_data (self->scale_provider, css, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

BroadsheetStory *
broadsheet_story_view_get_story (BroadsheetStoryView *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY_VIEW (self), NULL);

  return self->story;
}

static void
broadsheet_story_view_dispose (GObject *object)
{
  BroadsheetStoryView *self = (BroadsheetStoryView *)object;

  g_clear_signal_handler (&self->clock_handler, broadsheet_clock_get_default ());
  g_clear_object (&self->story);
  g_clear_object (&self->scale_provider);
  g_clear_pointer (&self->highlight, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BROADSHEET_TYPE_STORY_VIEW);

  G_OBJECT_CLASS (broadsheet_story_view_parent_class)->dispose (object);
}

static void
broadsheet_story_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BroadsheetStoryView *self = BROADSHEET_STORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;

    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_story_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BroadsheetStoryView *self = BROADSHEET_STORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORY:
      broadsheet_story_view_set_story (self, g_value_get_object (value));
      break;

    case PROP_TEXT_SCALE:
      broadsheet_story_view_set_text_scale (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_story_view_class_init (BroadsheetStoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = broadsheet_story_view_dispose;
  object_class->get_property = broadsheet_story_view_get_property;
  object_class->set_property = broadsheet_story_view_set_property;

  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL, BROADSHEET_TYPE_STORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         BROADSHEET_STORY_VIEW_MIN_SCALE, BROADSHEET_STORY_VIEW_MAX_SCALE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BROADSHEET_TYPE_PHOTO_FIGURE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/broadsheet-story-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BroadsheetStoryView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetStoryView, kicker_label);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetStoryView, headline_label);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetStoryView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetStoryView, byline_label);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetStoryView, time_label);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetStoryView, lead_photo);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetStoryView, body_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "storyview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
broadsheet_story_view_init (BroadsheetStoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The pane itself takes focus, so the keys that scroll it have a home and
   * focus has somewhere to go when the story it was in is replaced.
   */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Story"),
                                  -1);

  self->text_scale = 1.0;
  self->scale_provider = gtk_css_provider_new ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->scale_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS

  self->clock_handler = g_signal_connect_object (broadsheet_clock_get_default (), "notify::now",
                                                 G_CALLBACK (clock_now_changed_cb),
                                                 self, G_CONNECT_SWAPPED);
}
