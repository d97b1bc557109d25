/* broadsheet-window-navigation.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-story-row.h"
#include "broadsheet-window-private.h"

/* Moving between stories: next and previous, unread, first and last, feeds,
 * back and forward through the stories visited and paging; and keeping
 * keyboard focus with the reader. broadsheet-window-keys.c maps keys to
 * these actions; broadsheet-window-story-actions.c acts on the story shown.
 */

#define HISTORY_LENGTH 100

static GListModel *
stories (BroadsheetWindow *self)
{
  return G_LIST_MODEL (self->selection);
}

static BroadsheetStory *
selected_story (BroadsheetWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Returns: (nullable): the list item showing @story, if one does now. */
GtkWidget *
_broadsheet_window_find_row (BroadsheetWindow *self,
                             BroadsheetStory  *story)
{
  if (story == NULL)
    return NULL;

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->story_list));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (BROADSHEET_IS_STORY_ROW (row) && broadsheet_story_row_get_story (BROADSHEET_STORY_ROW (row)) == story)
        return item;
    }
  return NULL;
}

/* Moves keyboard focus to the selected headline, so the list's own keys,
 * Tab and screen readers carry on from the story shown.
 */
void
_broadsheet_window_focus_selected_row (BroadsheetWindow *self)
{
  BroadsheetStory *story = selected_story (self);
  GtkWidget *row = story != NULL ? _broadsheet_window_find_row (self, story) : NULL;

  if (row != NULL)
    gtk_widget_grab_focus (row);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->story_list));
}

static gboolean
is_in (GtkWidget *widget,
       GtkWidget *pane)
{
  return widget != NULL && pane != NULL &&
         (widget == pane || gtk_widget_is_ancestor (widget, pane));
}

/* Whether the headline that had focus has gone from the list (GTK then hands
 * focus to some other widget, which is not where the reader was).
 */
static gboolean
focused_headline_went (BroadsheetWindow *self)
{
  return self->lost_focus != NULL &&
         (!gtk_widget_get_mapped (self->lost_focus) ||
          !is_in (self->lost_focus, GTK_WIDGET (self->story_list)));
}

static gboolean
focus_is_in (BroadsheetWindow *self,
             GtkWidget        *pane)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return is_in (focus, pane);
}

/* Selects the story at @position and brings its row into view. Focus follows
 * the selection unless the reader is in the story itself.
 */
void
_broadsheet_window_select_story (BroadsheetWindow *self,
                                 guint             position)
{
  gboolean move_focus;

  if (position >= g_list_model_get_n_items (stories (self)))
    return;

  move_focus = !focus_is_in (self, GTK_WIDGET (self->story_view)) || focused_headline_went (self);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->story_list), "list.scroll-to-item", "u", position);
  if (move_focus && gtk_widget_get_mapped (GTK_WIDGET (self->story_list)))
    _broadsheet_window_focus_selected_row (self);
}

static guint
selected_position (BroadsheetWindow *self)
{
  return gtk_single_selection_get_selected (self->selection);
}

static void
step (BroadsheetWindow *self,
      int               direction)
{
  guint n = g_list_model_get_n_items (stories (self));
  guint position = selected_position (self);

  if (n == 0)
    return;

  if (position == GTK_INVALID_LIST_POSITION)
    position = direction > 0 ? 0 : n - 1;
  else if ((direction > 0 && position + 1 >= n) || (direction < 0 && position == 0))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  else
    position += direction;

  _broadsheet_window_select_story (self, position);
}

static gboolean
is_unread_at (BroadsheetWindow *self,
              guint             position)
{
  g_autoptr(BroadsheetStory) story = g_list_model_get_item (stories (self), position);

  return story != NULL && !broadsheet_story_get_read (story);
}

/* Finds the next unread story in @direction, going round the list once. */
static gboolean
step_unread (BroadsheetWindow *self,
             int               direction)
{
  guint n = g_list_model_get_n_items (stories (self));
  guint start = selected_position (self);

  if (start == GTK_INVALID_LIST_POSITION)
    start = direction > 0 ? n - 1 : 0;

  for (guint i = 1; i <= n; i++)
    {
      guint position = direction > 0 ? (start + i) % n : (start + n - i % n) % n;

      if (position != selected_position (self) && is_unread_at (self, position))
        {
          _broadsheet_window_select_story (self, position);
          return TRUE;
        }
    }

  _broadsheet_window_show_message (self, _("No more unread stories"));
  return FALSE;
}

static void
next_story_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  step (BROADSHEET_WINDOW (widget), 1);
}

static void
previous_story_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  step (BROADSHEET_WINDOW (widget), -1);
}

static void
next_unread_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  step_unread (BROADSHEET_WINDOW (widget), 1);
}

static void
previous_unread_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  step_unread (BROADSHEET_WINDOW (widget), -1);
}

static void
first_story_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  _broadsheet_window_select_story (BROADSHEET_WINDOW (widget), 0);
}

static void
last_story_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);
  guint n = g_list_model_get_n_items (stories (self));

  if (n > 0)
    _broadsheet_window_select_story (self, n - 1);
}

/* All Stories, then each feed, in the sidebar's order. */
static void
step_source (BroadsheetWindow *self,
             int               direction)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->source_list);
  int index = row != NULL ? gtk_list_box_row_get_index (row) : 0;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->source_list, index + direction);

  if (index + direction < 0 || next == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  gtk_list_box_select_row (self->source_list, next);
  if (focus_is_in (self, GTK_WIDGET (self->source_list)))
    gtk_widget_grab_focus (GTK_WIDGET (next));
}

static void
next_source_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  step_source (BROADSHEET_WINDOW (widget), 1);
}

static void
previous_source_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  step_source (BROADSHEET_WINDOW (widget), -1);
}

/* Called as the selection changes: remembers the story for Alt+Left. */
void
_broadsheet_window_record_visit (BroadsheetWindow *self,
                                 BroadsheetStory  *story)
{
  if (story == NULL || self->moving_in_history)
    return;

  if (self->history->len > 0 && g_ptr_array_index (self->history, self->history_index) == story)
    return;

  if (self->history->len > 0)
    g_ptr_array_set_size (self->history, self->history_index + 1);
  g_ptr_array_add (self->history, g_object_ref (story));
  if (self->history->len > HISTORY_LENGTH)
    g_ptr_array_remove_index (self->history, 0);
  self->history_index = self->history->len - 1;
}

static guint
find_position (BroadsheetWindow *self,
               BroadsheetStory  *story)
{
  guint n = g_list_model_get_n_items (stories (self));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BroadsheetStory) item = g_list_model_get_item (stories (self), i);

      if (item == story)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Goes back or forward to the nearest visited story still in the list. */
static void
move_in_history (BroadsheetWindow *self,
                 int               direction)
{
  for (int i = (int)self->history_index + direction;
       self->history->len > 0 && i >= 0 && i < (int)self->history->len;
       i += direction)
    {
      guint position = find_position (self, g_ptr_array_index (self->history, i));

      if (position == GTK_INVALID_LIST_POSITION)
        continue;

      self->history_index = i;
      self->moving_in_history = TRUE;
      _broadsheet_window_select_story (self, position);
      self->moving_in_history = FALSE;
      return;
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
go_back_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  move_in_history (BROADSHEET_WINDOW (widget), -1);
}

static void
go_forward_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  move_in_history (BROADSHEET_WINDOW (widget), 1);
}

static gboolean
story_pane_hidden (BroadsheetWindow *self)
{
  return adw_leaflet_get_folded (self->leaflet) &&
         adw_leaflet_get_visible_child (self->leaflet) != self->detail_pane;
}

/* Space: the next screen of the story; past its end, the next unread story. */
static void
read_on_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);

  if (selected_story (self) == NULL)
    step_unread (self, 1);
  else if (story_pane_hidden (self))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  else if (!broadsheet_story_view_scroll_pages (self->story_view, 1))
    step_unread (self, 1);
}

static void
scroll_story_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BroadsheetWindow *self = BROADSHEET_WINDOW (widget);

  if (selected_story (self) != NULL && !story_pane_hidden (self))
    broadsheet_story_view_scroll_pages (self->story_view, g_variant_get_int32 (parameter));
}

static gboolean
restore_focus_cb (gpointer user_data)
{
  BroadsheetWindow *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean headline_went;

  self->restore_focus_id = 0;

  /* The reader was in the headlines, so focus stays there. */
  headline_went = focused_headline_went (self);
  g_clear_weak_pointer (&self->lost_focus);

  /* (A widget just revealed, like the search entry, may not be mapped yet.) */
  if (!headline_went && focus != NULL && gtk_widget_get_focusable (focus))
    return G_SOURCE_REMOVE;

  if (gtk_widget_get_mapped (GTK_WIDGET (self->story_list)))
    _broadsheet_window_focus_selected_row (self);
  else if (self->story_view != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->story_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->story_view));
  else if (gtk_widget_get_mapped (GTK_WIDGET (self->source_list)))
    gtk_widget_grab_focus (GTK_WIDGET (self->source_list));
  return G_SOURCE_REMOVE;
}

/* Focus is never lost: when the focused row or link goes (a refresh, a
 * removed feed, another feed chosen), it comes back to the selected headline
 * or the story. Focus moving through a story's links scrolls them into view.
 */
static void
focus_widget_changed_cb (BroadsheetWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *list = GTK_WIDGET (self->story_list);

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  if (is_in (focus, GTK_WIDGET (self->story_view)))
    broadsheet_story_view_reveal (self->story_view, focus);

  /* Whether the headline it left is still there is clear once GTK is done. */
  if (is_in (self->last_focus, list) && !is_in (focus, list))
    g_set_weak_pointer (&self->lost_focus, self->last_focus);
  g_set_weak_pointer (&self->last_focus, focus);

  if ((focus == NULL || !gtk_widget_get_focusable (focus) || self->lost_focus != NULL) &&
      self->restore_focus_id == 0)
    self->restore_focus_id = g_idle_add (restore_focus_cb, self);
}

void
_broadsheet_window_init_navigation (BroadsheetWindow *self)
{
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_changed_cb), NULL);
  self->history = g_ptr_array_new_with_free_func (g_object_unref);
}

void
_broadsheet_window_dispose_navigation (BroadsheetWindow *self)
{
  g_clear_weak_pointer (&self->last_focus);
  g_clear_weak_pointer (&self->lost_focus);
  g_clear_pointer (&self->history, g_ptr_array_unref);
}

void
_broadsheet_window_class_init_navigation (GtkWidgetClass *widget_class)
{
  static const struct {
    const char *name;
    const char *parameter_type;
    GtkWidgetActionActivateFunc activate;
  } actions[] = {
    { "win.next-story", NULL, next_story_action },
    { "win.previous-story", NULL, previous_story_action },
    { "win.next-unread", NULL, next_unread_action },
    { "win.previous-unread", NULL, previous_unread_action },
    { "win.first-story", NULL, first_story_action },
    { "win.last-story", NULL, last_story_action },
    { "win.next-source", NULL, next_source_action },
    { "win.previous-source", NULL, previous_source_action },
    { "win.go-back", NULL, go_back_action },
    { "win.go-forward", NULL, go_forward_action },
    { "win.read-on", NULL, read_on_action },
    { "win.scroll-story", "i", scroll_story_action },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     actions[i].activate);
}
