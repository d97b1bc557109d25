/* broadsheet-store.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BROADSHEET_STORE_ERROR (broadsheet_store_error_quark ())

typedef enum
{
  BROADSHEET_STORE_ERROR_FAILED,     /* An I/O or SQLite error without a better code. */
  BROADSHEET_STORE_ERROR_CORRUPT,    /* Damaged: set aside for a new one, or could not be. */
  BROADSHEET_STORE_ERROR_TOO_NEW,    /* Written by a newer Broadsheet: opened read-only. */
  BROADSHEET_STORE_ERROR_LOCKED,     /* Another program holds the database. */
  BROADSHEET_STORE_ERROR_READ_ONLY,  /* The file or folder cannot be written. */
  BROADSHEET_STORE_ERROR_NO_SPACE,   /* The disk is full. */
  BROADSHEET_STORE_ERROR_CLOSED,     /* Used after broadsheet_store_close(). */
} BroadsheetStoreError;

GQuark broadsheet_store_error_quark (void);

/* One story as stored: its JSON is opaque to the store. */
typedef struct
{
  char     *feed_uri;
  char     *story_id;
  char     *json;       /* The whole story, serialised by the caller. */
  gboolean  read;
  gboolean  saved;
  gint64    published;  /* Unix seconds, 0 if unknown. */
  gint64    last_seen;  /* Unix seconds: when the feed last listed it. Set by the store. */
} BroadsheetStoredStory;

BroadsheetStoredStory *broadsheet_stored_story_new  (const char                  *feed_uri,
                                                     const char                  *story_id,
                                                     const char                  *json);
BroadsheetStoredStory *broadsheet_stored_story_copy (const BroadsheetStoredStory *story);
void                   broadsheet_stored_story_free (BroadsheetStoredStory       *story);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BroadsheetStoredStory, broadsheet_stored_story_free)

#define BROADSHEET_TYPE_STORE (broadsheet_store_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetStore, broadsheet_store, BROADSHEET, STORE, GObject)

BroadsheetStore *broadsheet_store_new               (const char           *path);
const char      *broadsheet_store_get_path          (BroadsheetStore      *self);
void             broadsheet_store_open_async        (BroadsheetStore      *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         broadsheet_store_open_finish       (BroadsheetStore      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
const GError    *broadsheet_store_get_problem       (BroadsheetStore      *self);
gboolean         broadsheet_store_get_read_only     (BroadsheetStore      *self);

void             broadsheet_store_load_feed_async   (BroadsheetStore      *self,
                                                     const char           *feed_uri,
                                                     gint64                not_before,
                                                     int                   limit,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray       *broadsheet_store_load_feed_finish  (BroadsheetStore      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void             broadsheet_store_load_saved_async  (BroadsheetStore      *self,
                                                     const char * const   *feed_uris,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray       *broadsheet_store_load_saved_finish (BroadsheetStore      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

void             broadsheet_store_put_stories       (BroadsheetStore      *self,
                                                     const char           *feed_uri,
                                                     GPtrArray            *stories);
void             broadsheet_store_take_stories      (BroadsheetStore      *self,
                                                     const char           *feed_uri,
                                                     GPtrArray            *stories);
void             broadsheet_store_touch_stories     (BroadsheetStore      *self,
                                                     const char           *feed_uri,
                                                     const char * const   *story_ids);
void             broadsheet_store_set_read          (BroadsheetStore      *self,
                                                     const char           *feed_uri,
                                                     const char * const   *story_ids,
                                                     gboolean              read);
void             broadsheet_store_set_saved         (BroadsheetStore      *self,
                                                     const char           *feed_uri,
                                                     const char           *story_id,
                                                     const char           *json,
                                                     gboolean              saved);
void             broadsheet_store_forget_feed       (BroadsheetStore      *self,
                                                     const char           *feed_uri);
void             broadsheet_store_expire            (BroadsheetStore      *self,
                                                     gint64                older_than);

void             broadsheet_store_flush_async       (BroadsheetStore      *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         broadsheet_store_flush_finish      (BroadsheetStore      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void             broadsheet_store_close             (BroadsheetStore      *self);

G_END_DECLS
