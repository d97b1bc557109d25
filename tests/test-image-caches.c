/* test-image-caches.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-image-util.h"

/* The image loader's caches: a revisit comes from memory without a request,
 * from disk with a new loader and no server, memory stays in its budget,
 * and the disk cache drops the least recently used photo, never a kept one.
 */

static void
test_memory_revisit (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  BroadsheetImageLoader *loader = test_image_loader_new (dir);
  g_autofree char *uri = test_image_uri ("/revisit.png");
  g_autoptr(GdkTexture) first = NULL;
  g_autoptr(GdkTexture) again = NULL;
  g_autoptr(GError) error = NULL;

  first = test_load (loader, uri, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (test_image_hits ("/revisit.png"), ==, 1);
  g_assert_cmpuint (broadsheet_image_loader_get_memory_used (loader), ==, 200 * 150 * 4);

  again = test_load (loader, uri, 200, &error);
  g_assert_no_error (error);
  g_assert_true (again == first);
  g_assert_cmpuint (test_image_hits ("/revisit.png"), ==, 1);

  test_finalize_loader (loader);
  test_remove_tree (dir);
}

static void
test_disk_revisit (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  g_autoptr(SoupServer) own_server = NULL;
  BroadsheetImageLoader *loader = test_image_loader_new (dir);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *own_base = NULL;
  g_autofree char *uri = NULL;

  own_server = test_image_server_new (&own_base);
  uri = g_strconcat (own_base, "offline.jpg", NULL);

  texture = test_load (loader, uri, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (broadsheet_image_loader_get_disk_used (loader), >, 0);
  test_finalize_loader (loader);
  g_clear_object (&texture);

  /* Offline, with a new loader: from the disk, at any width. */
  soup_server_disconnect (own_server);
  loader = test_image_loader_new (dir);
  texture = test_load (loader, uri, 320, &error);
  g_assert_no_error (error);
  test_image_check_size (texture, 320, 240);
  test_image_check_quadrants (texture);
  g_clear_object (&texture);
  test_finalize_loader (loader);

  /* Even without a session at all. */
  loader = broadsheet_image_loader_new (NULL, dir);
  texture = test_load (loader, uri, 0, &error);
  g_assert_no_error (error);
  test_image_check_size (texture, 640, 480);
  test_finalize_loader (loader);

  test_remove_tree (dir);
}

static void
test_memory_budget (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  BroadsheetImageLoader *loader = test_image_loader_new (dir);
  const gsize one = 160 * 120 * 4;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) large = NULL;
  g_autofree char *large_uri = test_image_uri ("/photo.png");

  broadsheet_image_loader_set_memory_limit (loader, 3 * one);
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *path = g_strdup_printf ("/n/budget-%d.png", i);
      g_autofree char *uri = test_image_uri (path);
      g_autoptr(GdkTexture) texture = test_load (loader, uri, 0, &error);

      g_assert_no_error (error);
      test_image_check_size (texture, 160, 120);
      g_assert_cmpuint (broadsheet_image_loader_get_memory_used (loader), <=, 3 * one);
    }
  g_assert_cmpuint (broadsheet_image_loader_get_memory_used (loader), ==, 3 * one);

  /* A photo bigger than the whole budget is shown, not kept. */
  large = test_load (loader, large_uri, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (broadsheet_image_loader_get_memory_used (loader), ==, 3 * one);

  /* Lowering the budget drops the least recently used. */
  broadsheet_image_loader_set_memory_limit (loader, one);
  g_assert_cmpuint (broadsheet_image_loader_get_memory_used (loader), ==, one);

  test_finalize_loader (loader);
  test_remove_tree (dir);
}

static void
load_n (BroadsheetImageLoader *loader,
        const char            *name)
{
  g_autofree char *path = g_strconcat ("/n/", name, ".png", NULL);
  g_autofree char *uri = test_image_uri (path);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = test_load (loader, uri, 0, &error);
  g_assert_no_error (error);
}

static guint
hits_n (const char *name)
{
  g_autofree char *path = g_strconcat ("/n/", name, ".png", NULL);

  return test_image_hits (path);
}

static void
keep_n (BroadsheetImageLoader *loader,
        const char            *name,
        gboolean               keep)
{
  g_autofree char *path = g_strconcat ("/n/", name, ".png", NULL);
  g_autofree char *uri = test_image_uri (path);

  broadsheet_image_loader_keep (loader, uri, keep);
}

static void
test_disk_lru (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  BroadsheetImageLoader *loader = test_image_loader_new (dir);
  const guint64 one = g_bytes_get_size (test_image_photo ("/small.png"));
  const char *names[] = { "lru-1", "lru-2", "lru-3", "lru-4" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    load_n (loader, names[i]);
  g_assert_cmpuint (broadsheet_image_loader_get_disk_used (loader), ==, 4 * one);

  /* 1 is kept, 2 used again: 3 is the least recently used. */
  keep_n (loader, "lru-1", TRUE);
  load_n (loader, "lru-2");
  broadsheet_image_loader_set_disk_limit (loader, 3 * one);
  g_assert_cmpuint (broadsheet_image_loader_get_disk_used (loader), ==, 3 * one);
  test_finalize_loader (loader);

  /* A new loader finds what is left on disk. */
  loader = test_image_loader_new (dir);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      guint before = hits_n (names[i]);

      load_n (loader, names[i]);
      g_assert_cmpuint (hits_n (names[i]), ==, i == 2 ? before + 1 : before);
    }

  /* The kept photo outlasts a restart, and any limit. */
  broadsheet_image_loader_set_disk_limit (loader, 1);
  g_assert_cmpuint (broadsheet_image_loader_get_disk_used (loader), ==, one);
  keep_n (loader, "lru-1", FALSE);
  g_assert_cmpuint (broadsheet_image_loader_get_disk_used (loader), ==, 0);

  /* Kept before it is first loaded. */
  keep_n (loader, "lru-5", TRUE);
  load_n (loader, "lru-5");
  load_n (loader, "lru-6");
  g_assert_cmpuint (broadsheet_image_loader_get_disk_used (loader), ==, one);

  test_finalize_loader (loader);
  test_remove_tree (dir);
}

void
test_image_add_cache_tests (void)
{
  g_test_add_func ("/image-loader/memory-revisit", test_memory_revisit);
  g_test_add_func ("/image-loader/disk-revisit", test_disk_revisit);
  g_test_add_func ("/image-loader/memory-budget", test_memory_budget);
  g_test_add_func ("/image-loader/disk-lru", test_disk_lru);
}
