/* broadsheet-image-cache-private.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The photo cache's files (broadsheet-image-cache-files.c). Entries are named
 * by the SHA-256 of their URI, in hex. Only one thread at a time may work on
 * the files; the limit and the count may be read and set from any.
 */
typedef struct _BroadsheetImageFiles BroadsheetImageFiles;

BroadsheetImageFiles *_broadsheet_image_files_new       (const char            *directory,
                                                         guint64                limit);
BroadsheetImageFiles *_broadsheet_image_files_ref       (BroadsheetImageFiles  *files);
void                  _broadsheet_image_files_unref     (BroadsheetImageFiles  *files);
const char           *_broadsheet_image_files_get_directory (BroadsheetImageFiles *files);
void                  _broadsheet_image_files_set_limit (BroadsheetImageFiles  *files,
                                                         guint64                limit);
guint64               _broadsheet_image_files_get_used  (BroadsheetImageFiles  *files);
void                  _broadsheet_image_files_scan      (BroadsheetImageFiles  *files);
GBytes               *_broadsheet_image_files_read      (BroadsheetImageFiles  *files,
                                                         const char            *name,
                                                         gsize                  max_size,
                                                         GError               **error);
void                  _broadsheet_image_files_write     (BroadsheetImageFiles  *files,
                                                         const char            *name,
                                                         GBytes                *bytes);
void                  _broadsheet_image_files_mark_used (BroadsheetImageFiles  *files,
                                                         const char            *name);
void                  _broadsheet_image_files_delete    (BroadsheetImageFiles  *files,
                                                         const char            *name);
void                  _broadsheet_image_files_set_kept  (BroadsheetImageFiles  *files,
                                                         const char            *name,
                                                         const char            *uri,
                                                         gboolean               kept);

G_END_DECLS
