/* broadsheet-window-private.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "broadsheet-feed-cache.h"
#include "broadsheet-fetcher.h"
#include "broadsheet-paced-list-model.h"
#include "broadsheet-story-view.h"
#include "broadsheet-window.h"

G_BEGIN_DECLS

/* Shared by broadsheet-window.c (layout, story list and story pane) and
 * broadsheet-window-sources.c (the feeds: sidebar, loading, adding,
 * removing, renaming and refreshing).
 */
struct _BroadsheetWindow
{
  AdwApplicationWindow parent_instance;

  GSettings           *settings;
  GCancellable        *cancellable;          /* Cancelled when the window closes. */
  GCancellable        *refresh_cancellable;  /* Cancelled by "Stop Refreshing". */
  BroadsheetFetcher   *fetcher;
  BroadsheetFeedCache *cache;
  BroadsheetStore     *store;                /* User state, or NULL. */
  GListStore          *sources;
  GListStore          *orphans;              /* Saved stories of removed feeds. */
  GHashTable          *session_uris;         /* Opened for this session only. */
  GtkFlattenListModel *all_stories;
  GtkSortListModel    *sorted_stories;
  GtkFilterListModel  *filtered_stories;     /* View and search (broadsheet-window-filter.c). */
  BroadsheetPacedListModel *paced_stories;   /* A big change, a few rows a frame. */
  GtkSingleSelection  *selection;
  BroadsheetStoryFilter filter;
  GtkCustomFilter     *view_filter;
  GtkCustomFilter     *search_filter;
  GtkFilter           *filters;              /* Both, while either narrows. */
  char                *search_query;         /* Folded, or NULL. */
  gboolean             first_result_wanted;  /* Enter came while the filter worked. */
  BroadsheetSource    *removed_source;       /* Until its Undo toast goes. */
  guint                removed_position;
  guint                show_story_id;
  guint                refresh_timer_id;
  guint                restore_focus_id;
  guint                mark_read_id;
  GtkWidget           *last_focus;           /* Weak: the focus before the current one. */
  GtkWidget           *shortcuts_window;     /* Weak: made when first shown. */
  GtkWidget           *lost_focus;           /* Weak: a headline that had focus and went. */

  /* Keyboard browsing (broadsheet-window-navigation.c). */
  GPtrArray           *history;              /* Stories visited, for Alt+Left/Right. */
  guint                history_index;
  gboolean             moving_in_history;
  gboolean             list_focused;         /* Focus went to the headlines once. */
  GPtrArray           *marked_read;          /* Until the "mark all read" toast goes. */
  AdwToast            *marked_read_toast;
  BroadsheetStory     *unsaved_story;        /* Until its Undo toast goes. */
  AdwToast            *unsaved_toast;
  BroadsheetStory     *shown_story;
  gulong               shown_saved_handler;

  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar_pane;
  GtkWidget           *list_pane;
  GtkWidget           *detail_pane;
  GtkListBox          *source_list;
  GtkWidget           *all_stories_row;
  GtkLabel            *all_unread_label;
  GtkStack            *refresh_stack;
  AdwWindowTitle      *list_title;
  GtkStack            *list_stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkListView         *story_list;
  GtkStack            *detail_stack;
  BroadsheetStoryView *story_view;         /* Weak; made when first needed. */
  GtkWidget           *primary_menu_button;
  GtkWidget           *story_menu_button;
  GtkWidget           *save_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkLabel            *unread_count_label;
  GtkLabel            *saved_count_label;
  AdwStatusPage       *empty_page;
};

void              _broadsheet_window_init_list         (BroadsheetWindow *self);
void              _broadsheet_window_update_list_page  (BroadsheetWindow *self);
void              _broadsheet_window_show_toast        (BroadsheetWindow *self,
                                                        AdwToast         *toast);
void              _broadsheet_window_show_message      (BroadsheetWindow *self,
                                                        const char       *message);
BroadsheetSource *_broadsheet_window_get_shown_source  (BroadsheetWindow *self);
void              _broadsheet_window_init_sources      (BroadsheetWindow *self);
void              _broadsheet_window_dispose_sources   (BroadsheetWindow *self);
void              _broadsheet_window_class_init_sources (GtkWidgetClass  *widget_class);

void              _broadsheet_window_init_navigation   (BroadsheetWindow *self);
void              _broadsheet_window_dispose_navigation (BroadsheetWindow *self);
void              _broadsheet_window_class_init_navigation (GtkWidgetClass *widget_class);
void              _broadsheet_window_select_story      (BroadsheetWindow *self,
                                                        guint             position);
void              _broadsheet_window_focus_selected_row (BroadsheetWindow *self);
GtkWidget        *_broadsheet_window_find_row          (BroadsheetWindow *self,
                                                        BroadsheetStory  *story);
void              _broadsheet_window_record_visit      (BroadsheetWindow *self,
                                                        BroadsheetStory  *story);

/* broadsheet-window-story-actions.c */
void              _broadsheet_window_init_story_actions (BroadsheetWindow *self);
void              _broadsheet_window_dispose_story_actions (BroadsheetWindow *self);
void              _broadsheet_window_class_init_story_actions (GtkWidgetClass *widget_class);
void              _broadsheet_window_update_story_actions (BroadsheetWindow *self);
void              _broadsheet_window_story_shown       (BroadsheetWindow *self,
                                                        BroadsheetStory  *story);

void              _broadsheet_window_init_keys         (BroadsheetWindow *self);

void              _broadsheet_window_init_store        (BroadsheetWindow *self);
void              _broadsheet_window_store_source      (BroadsheetWindow *self,
                                                        BroadsheetSource *source);
void              _broadsheet_window_forget_source     (BroadsheetWindow *self,
                                                        BroadsheetSource *source);

GtkFilterListModel *_broadsheet_window_create_filter_model (BroadsheetWindow *self,
                                                          GListModel       *stories);
void              _broadsheet_window_update_filter_counts (BroadsheetWindow *self,
                                                           guint             n_unread,
                                                           guint             n_saved);
void              _broadsheet_window_describe_empty    (BroadsheetWindow  *self,
                                                        const char       **title,
                                                        const char       **description);
void              _broadsheet_window_init_filter       (BroadsheetWindow *self);
void              _broadsheet_window_dispose_filter    (BroadsheetWindow *self);
void              _broadsheet_window_class_init_filter (GtkWidgetClass   *widget_class);

G_END_DECLS
