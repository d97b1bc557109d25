/* broadsheet-store-private.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "broadsheet-store.h"

G_BEGIN_DECLS

/* Internal to BroadsheetStore: its messages (broadsheet-store-errors.c), its
 * worker thread (broadsheet-store-worker.c) and the SQL it runs
 * (broadsheet-store-sql.c), its schema and opening (broadsheet-store-schema.c),
 * and hooks for its tests.
 */

#define STORE_BUSY_TIMEOUT_MS 2000

/* Every user-visible message. */
typedef enum
{
  STORE_MESSAGE_CORRUPT_KEPT,       /* detail: where the copy is. */
  STORE_MESSAGE_CORRUPT_NOT_KEPT,   /* detail: why no copy could be made. */
  STORE_MESSAGE_TOO_NEW,
  STORE_MESSAGE_LOCKED,             /* Opened read-only. */
  STORE_MESSAGE_LOCKED_UNREADABLE,  /* Not opened. */
  STORE_MESSAGE_READ_ONLY,          /* detail: the system's reason. */
  STORE_MESSAGE_NO_SPACE,
  STORE_MESSAGE_OPEN_FAILED,        /* detail: the system's reason. */
  STORE_MESSAGE_READ_FAILED,        /* detail: the system's reason. */
  STORE_MESSAGE_WRITE_NO_SPACE,     /* Kept for a retry. */
  STORE_MESSAGE_WRITE_RETRY,        /* detail: the system's reason. Kept for a retry. */
  STORE_MESSAGE_WRITE_LOST,         /* detail: the system's reason. Not kept. */
  STORE_MESSAGE_WRITE_READ_ONLY,
  STORE_MESSAGE_CLOSED,
  STORE_MESSAGE_CLOSE_TIMED_OUT,
} StoreMessage;

GError *_broadsheet_store_error_new (StoreMessage  message,
                                     const char   *path,
                                     const char   *detail);

typedef enum
{
  /* Writes, batched. */
  STORE_OP_PUT,
  STORE_OP_TOUCH,
  STORE_OP_SET_READ,
  STORE_OP_SET_SAVED,
  STORE_OP_FORGET_FEED,
  STORE_OP_EXPIRE,
  /* Completes with the batch it ends. */
  STORE_OP_FLUSH,
  /* Each ends a batch and runs after it. */
  STORE_OP_OPEN,
  STORE_OP_LOAD_FEED,
  STORE_OP_LOAD_SAVED,
  STORE_OP_EXEC,
  STORE_OP_QUIT,
} StoreOpKind;

#define STORE_OP_IS_WRITE(kind) ((kind) <= STORE_OP_EXPIRE)

typedef struct
{
  StoreOpKind  kind;
  char        *feed_uri;
  char        *story_id;
  char        *text;   /* SET_SAVED: the story's JSON; EXEC: SQL. */
  gboolean     flag;   /* SET_READ: read; SET_SAVED: saved. */
  gint64       time;   /* Writes: when queued. EXPIRE, LOAD_FEED: the limit. */
  int          limit;  /* LOAD_FEED: at most this many stories, or -1 for all. */
  GPtrArray   *items;  /* PUT: BroadsheetStoredStory; TOUCH, SET_READ: ids; LOAD_SAVED: feeds. */
  GTask       *task;   /* FLUSH and the reads. */
} StoreOp;

StoreOp *_broadsheet_store_op_new  (StoreOpKind  kind,
                                    const char  *feed_uri);
void     _broadsheet_store_op_free (StoreOp     *op);

#define STORE_N_STATEMENTS 8

typedef struct
{
  gatomicrefcount  ref_count;
  char            *path;
  GAsyncQueue     *queue;    /* StoreOp, from the owner to the worker. */
  GMainContext    *context;  /* Where "write-failed" is emitted. */
  GWeakRef         owner;    /* The BroadsheetStore, for "write-failed". */
  GThread         *thread;

  /* Set by the worker, read by the owner. */
  GMutex           lock;
  GCond            cond;
  GError          *problem;
  gboolean         finished;
  GError          *final_error;  /* What the batch before quitting failed with. */
  int              read_only;    /* Atomic. */
  guint            n_commits;    /* Atomic: write transactions committed. */

  /* The worker thread's own. */
  sqlite3         *db;
  GError          *open_error;
  sqlite3_stmt    *statements[STORE_N_STATEMENTS];
  GPtrArray       *pending;      /* Writes of a failed batch, retried with the next. */
  GError          *lost;         /* Why writes were dropped since the last flush. */
} StoreWorker;

StoreWorker *_broadsheet_store_worker_new   (const char   *path,
                                             GObject      *owner);
StoreWorker *_broadsheet_store_worker_ref   (StoreWorker  *worker);
void         _broadsheet_store_worker_unref (StoreWorker  *worker);
void         _broadsheet_store_worker_start (StoreWorker  *worker,
                                             GTask        *open_task);
gboolean     _broadsheet_store_worker_stop  (StoreWorker  *worker,
                                             guint         timeout_ms,
                                             GError      **error);
void         _broadsheet_store_report       (StoreWorker  *worker,
                                             const GError *error);

int      _broadsheet_store_sql_apply        (StoreWorker  *worker,
                                             StoreOp      *op);
int      _broadsheet_store_sql_load         (StoreWorker  *worker,
                                             StoreOp      *op,
                                             GPtrArray   **stories);
void     _broadsheet_store_sql_finalize     (StoreWorker  *worker);

/* Opens, checks, recovers and migrates the database at @path (broadsheet-store-schema.c).
 * On success, *@problem says what went wrong on the way, if anything.
 */
sqlite3 *_broadsheet_store_db_open          (const char   *path,
                                             gboolean     *read_only,
                                             GError      **problem,
                                             GError      **error);
int      _broadsheet_store_db_latest        (void);

/* For tests. */
guint    _broadsheet_store_get_n_commits    (BroadsheetStore *self);
void     _broadsheet_store_set_now          (BroadsheetStore *self,
                                             gint64           now);
void     _broadsheet_store_exec             (BroadsheetStore *self,
                                             const char      *sql);

G_END_DECLS
