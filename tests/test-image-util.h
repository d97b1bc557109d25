/* test-image-util.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "broadsheet-image-loader.h"

G_BEGIN_DECLS

/* Helpers for the image loader tests: photos made here (so no binary files),
 * hostile ones among them, and waiting for loads on the main context.
 */

#define TEST_IMAGE_WAIT_SECONDS 30

typedef struct
{
  GdkTexture *texture;
  GError     *error;
  gboolean    done;
  gint64      finished_at;  /* Monotonic time, µs. */
} TestLoad;

GBytes     *test_image_png               (int                    width,
                                          int                    height);
GBytes     *test_image_jpeg              (int                    width,
                                          int                    height);
GBytes     *test_image_detailed_jpeg     (int                    width,
                                          int                    height);
GBytes     *test_image_with_orientation  (GBytes                *jpeg,
                                          guint                  orientation);
GBytes     *test_image_huge_png          (guint32                width,
                                          guint32                height);
GBytes     *test_image_huge_gif          (void);
GBytes     *test_image_huge_jpeg         (GBytes                *jpeg);
void        test_image_check_quadrants   (GdkTexture            *texture);

void        test_load_clear              (TestLoad              *load);
void        test_load_start              (BroadsheetImageLoader *loader,
                                          const char            *uri,
                                          int                    width,
                                          GCancellable          *cancellable,
                                          TestLoad              *load);
void        test_load_wait               (TestLoad              *load);
GdkTexture *test_load                    (BroadsheetImageLoader *loader,
                                          const char            *uri,
                                          int                    width,
                                          GError               **error);
void        test_finalize_loader         (BroadsheetImageLoader *loader);
void        test_remove_tree             (const char            *path);

/* The server (test-image-server.c). */
void                   test_image_server_start (void);
void                   test_image_server_stop  (void);
SoupServer            *test_image_server_new   (char                  **own_base_uri);
char                  *test_image_uri          (const char             *path);
guint                  test_image_hits         (const char             *path);
GBytes                *test_image_photo        (const char             *path);
const char            *test_image_seen_accept  (void);
SoupServerMessage     *test_image_take_stalled (void);
guint                  test_image_n_aborted    (void);
char                  *test_image_cache_dir    (void);
BroadsheetImageLoader *test_image_loader_new   (const char             *cache_dir);
void                   test_image_check_size   (GdkTexture             *texture,
                                                int                     width,
                                                int                     height);
void                   test_image_check_error  (BroadsheetImageLoader  *loader,
                                                const char             *path_or_uri,
                                                int                     code,
                                                const char             *in_message);

/* The memory and disk cache tests (test-image-caches.c). */
void                   test_image_add_cache_tests (void);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestLoad, test_load_clear)

G_END_DECLS
