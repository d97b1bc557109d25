/* test-image-loader.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "test-image-util.h"
#include "test-resolver.h"

/* The image loader against a SoupServer on 127.0.0.1 (test-image-server.c)
 * that serves photos made here, broken and hostile ones among them. Names
 * other than localhost go to a fake resolver, and the session uses no
 * proxy, so nothing here leaves the machine. Nothing needs a display.
 */

#define SAMPLE_PHOTO "resource:///app/broadsheet/Broadsheet/sample/photos/bakery.jpg"

static void
test_png (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  BroadsheetImageLoader *loader = test_image_loader_new (dir);
  g_autofree char *uri = test_image_uri ("/photo.png");
  g_autoptr(GdkTexture) natural = NULL;
  g_autoptr(GdkTexture) scaled = NULL;
  g_autoptr(GdkTexture) wider = NULL;
  g_autoptr(GError) error = NULL;

  natural = test_load (loader, uri, 0, &error);
  g_assert_no_error (error);
  test_image_check_size (natural, 400, 300);
  test_image_check_quadrants (natural);
  g_assert_true (g_str_has_prefix (test_image_seen_accept (), "image/"));

  scaled = test_load (loader, uri, 200, &error);
  g_assert_no_error (error);
  test_image_check_size (scaled, 200, 150);
  test_image_check_quadrants (scaled);

  /* Never scaled up. */
  wider = test_load (loader, uri, 1000, &error);
  g_assert_no_error (error);
  test_image_check_size (wider, 400, 300);

  test_finalize_loader (loader);
  test_remove_tree (dir);
}

static void
test_jpeg (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  BroadsheetImageLoader *loader = test_image_loader_new (dir);
  g_autofree char *uri = test_image_uri ("/photo.jpg");
  g_autofree char *rotated_uri = test_image_uri ("/rotated.jpg");
  g_autoptr(GdkTexture) scaled = NULL;
  g_autoptr(GdkTexture) rotated = NULL;
  g_autoptr(GdkTexture) rotated_scaled = NULL;
  g_autoptr(GError) error = NULL;

  scaled = test_load (loader, uri, 320, &error);
  g_assert_no_error (error);
  test_image_check_size (scaled, 320, 240);
  test_image_check_quadrants (scaled);

  /* EXIF orientation 6: turned a quarter clockwise, then fitted. */
  rotated = test_load (loader, rotated_uri, 0, &error);
  g_assert_no_error (error);
  test_image_check_size (rotated, 300, 400);
  rotated_scaled = test_load (loader, rotated_uri, 150, &error);
  g_assert_no_error (error);
  test_image_check_size (rotated_scaled, 150, 200);

  test_finalize_loader (loader);
  test_remove_tree (dir);
}

static void
test_broken (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  BroadsheetImageLoader *loader = test_image_loader_new (dir);

  test_image_check_error (loader, "/corrupt.png", BROADSHEET_IMAGE_ERROR_NOT_AN_IMAGE, "127.0.0.1");
  test_image_check_error (loader, "/text.png", BROADSHEET_IMAGE_ERROR_NOT_AN_IMAGE, "127.0.0.1");
  test_image_check_error (loader, "/empty.png", BROADSHEET_IMAGE_ERROR_NOT_AN_IMAGE, NULL);
  test_image_check_error (loader, "/truncated.png", BROADSHEET_IMAGE_ERROR_NOT_AN_IMAGE, NULL);
  test_image_check_error (loader, "/truncated.jpg", BROADSHEET_IMAGE_ERROR_NOT_AN_IMAGE, NULL);
  test_image_check_error (loader, "/header-only.jpg", BROADSHEET_IMAGE_ERROR_NOT_AN_IMAGE, NULL);

  /* What does not decode is not stored. */
  g_assert_cmpuint (broadsheet_image_loader_get_disk_used (loader), ==, 0);
  g_assert_cmpuint (broadsheet_image_loader_get_memory_used (loader), ==, 0);

  test_finalize_loader (loader);
  test_remove_tree (dir);
}

static void
test_too_many_pixels (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  BroadsheetImageLoader *loader = test_image_loader_new (dir);

  test_image_check_error (loader, "/huge.png", BROADSHEET_IMAGE_ERROR_TOO_MANY_PIXELS, "60000");
  test_image_check_error (loader, "/huge.gif", BROADSHEET_IMAGE_ERROR_TOO_MANY_PIXELS, "60000");
  test_image_check_error (loader, "/huge.jpg", BROADSHEET_IMAGE_ERROR_TOO_MANY_PIXELS, "60000");

  /* The limit counts the pixels the file declares, not those shown. */
  broadsheet_image_loader_set_pixel_limit (loader, 400 * 300 - 1);
  test_image_check_error (loader, "/photo.png",
                          BROADSHEET_IMAGE_ERROR_TOO_MANY_PIXELS, "400 × 300");
  broadsheet_image_loader_set_pixel_limit (loader, 400 * 300);
  test_image_check_error (loader, "/huge.png", BROADSHEET_IMAGE_ERROR_TOO_MANY_PIXELS, NULL);

  g_assert_cmpuint (broadsheet_image_loader_get_disk_used (loader), ==, 0);
  test_finalize_loader (loader);
  test_remove_tree (dir);
}

static void
test_too_large (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  BroadsheetImageLoader *loader = test_image_loader_new (dir);
  g_autofree char *uri = test_image_uri ("/photo.jpg");
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  broadsheet_image_loader_set_body_limit (loader, 1024);
  test_image_check_error (loader, "/photo.jpg", BROADSHEET_IMAGE_ERROR_TOO_LARGE, "KiB");
  test_image_check_error (loader, "/chunked.jpg", BROADSHEET_IMAGE_ERROR_TOO_LARGE, "127.0.0.1");

  broadsheet_image_loader_set_body_limit (loader, 20 * 1024 * 1024);
  texture = test_load (loader, uri, 0, &error);
  g_assert_no_error (error);
  test_image_check_size (texture, 640, 480);

  test_finalize_loader (loader);
  test_remove_tree (dir);
}

static void
test_http_errors (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  BroadsheetImageLoader *loader = test_image_loader_new (dir);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = test_image_uri ("/redirect");

  test_image_check_error (loader, "/missing.png", BROADSHEET_IMAGE_ERROR_HTTP,
                          "The photo server (127.0.0.1) answered 404 Not Found");
  test_image_check_error (loader, "/loop", BROADSHEET_IMAGE_ERROR_HTTP, "127.0.0.1");
  g_assert_cmpuint (test_image_hits ("/loop"), ==, BROADSHEET_IMAGE_LOADER_MAX_REDIRECTS + 1);
  test_image_check_error (loader, "/to-ftp",
                          BROADSHEET_IMAGE_ERROR_UNSUPPORTED_ADDRESS, "127.0.0.1");
  test_image_check_error (loader, "/to-file", BROADSHEET_IMAGE_ERROR_UNSUPPORTED_ADDRESS, NULL);
  test_image_check_error (loader, "http://no-such-host.invalid/a.png",
                          BROADSHEET_IMAGE_ERROR_FAILED, "no-such-host.invalid");

  texture = test_load (loader, uri, 0, &error);
  g_assert_no_error (error);
  test_image_check_size (texture, 400, 300);

  test_finalize_loader (loader);
  test_remove_tree (dir);
}

static gboolean
spun_cb (gpointer user_data)
{
  gboolean *spun = user_data;

  *spun = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint milliseconds)
{
  gboolean spun = FALSE;

  g_timeout_add (milliseconds, spun_cb, &spun);
  while (!spun)
    g_main_context_iteration (NULL, TRUE);
}

static void
check_cancelled (const char *path)
{
  g_autofree char *dir = test_image_cache_dir ();
  BroadsheetImageLoader *loader = test_image_loader_new (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *uri = test_image_uri (path);
  g_auto(TestLoad) load = { 0 };
  guint hits_before = test_image_hits (path);
  gint64 cancelled_at;

  test_load_start (loader, uri, 0, cancellable, &load);
  while (test_image_hits (path) == hits_before)
    g_main_context_iteration (NULL, TRUE);
  /* Let the headers (if any) arrive. */
  spin (200);
  g_assert_false (load.done);

  cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  test_load_wait (&load);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (load.finished_at - cancelled_at, <, G_USEC_PER_SEC);

  /* The transfer stops too: the loader is let go once it has. */
  test_finalize_loader (loader);
  g_assert_cmpint (g_get_monotonic_time () - cancelled_at, <, G_USEC_PER_SEC);
  test_remove_tree (dir);
}

static void
test_cancel_slow (void)
{
  check_cancelled ("/slow");
}

static void
test_cancel_stalled (void)
{
  guint aborted_before = test_image_n_aborted ();
  g_autoptr(SoupServerMessage) stalled = NULL;
  gint64 deadline;

  check_cancelled ("/stalled");

  /* The server sees the connection go, once it has more to send. */
  stalled = test_image_take_stalled ();
  g_assert_nonnull (stalled);
  for (int i = 0; i < 16; i++)
    soup_message_body_append (soup_server_message_get_response_body (stalled), SOUP_MEMORY_STATIC,
                              "0123456789abcdef0123456789abcdef", 32);
  soup_message_body_complete (soup_server_message_get_response_body (stalled));
  soup_server_message_unpause (stalled);
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (test_image_n_aborted () == aborted_before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (test_image_n_aborted (), >, aborted_before);
}

static void
test_shared (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  BroadsheetImageLoader *loader = test_image_loader_new (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *uri = test_image_uri ("/shared.png");
  g_auto(TestLoad) first = { 0 };
  g_auto(TestLoad) second = { 0 };
  g_auto(TestLoad) third = { 0 };

  test_load_start (loader, uri, 100, NULL, &first);
  test_load_start (loader, uri, 100, cancellable, &second);
  test_load_start (loader, uri, 100, NULL, &third);

  /* One caller giving up leaves the others their photo. */
  g_cancellable_cancel (cancellable);
  test_load_wait (&first);
  test_load_wait (&second);
  test_load_wait (&third);

  g_assert_no_error (first.error);
  g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_no_error (third.error);
  g_assert_true (first.texture == third.texture);
  test_image_check_size (first.texture, 100, 75);
  g_assert_cmpuint (test_image_hits ("/shared.png"), ==, 1);

  test_finalize_loader (loader);
  test_remove_tree (dir);
}

static void
test_resource (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  BroadsheetImageLoader *loader = broadsheet_image_loader_new (NULL, dir);
  g_autoptr(GdkTexture) natural = NULL;
  g_autoptr(GdkTexture) scaled = NULL;
  g_autoptr(GError) error = NULL;

  natural = test_load (loader, SAMPLE_PHOTO, 0, &error);
  g_assert_no_error (error);
  test_image_check_size (natural, 800, 500);

  scaled = test_load (loader, SAMPLE_PHOTO, 400, &error);
  g_assert_no_error (error);
  test_image_check_size (scaled, 400, 250);

  test_image_check_error (loader, "resource:///app/broadsheet/Broadsheet/sample/photos/none.jpg",
                          BROADSHEET_IMAGE_ERROR_FAILED, "none.jpg");

  /* Resources are not stored on disk. */
  g_assert_cmpuint (broadsheet_image_loader_get_disk_used (loader), ==, 0);

  test_finalize_loader (loader);
  test_remove_tree (dir);
}

static void
test_file (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  g_autofree char *path = g_build_filename (dir, "local photo.png", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *missing = NULL;
  BroadsheetImageLoader *loader = broadsheet_image_loader_new (NULL, dir);
  GBytes *png = test_image_photo ("/photo.png");
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error);
  g_assert_no_error (error);
  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);

  texture = test_load (loader, uri, 100, &error);
  g_assert_no_error (error);
  test_image_check_size (texture, 100, 75);
  test_image_check_quadrants (texture);

  missing = g_strconcat (uri, ".missing", NULL);
  test_image_check_error (loader, missing,
                          BROADSHEET_IMAGE_ERROR_FAILED, "local photo.png.missing");

  broadsheet_image_loader_set_body_limit (loader, 100);
  test_image_check_error (loader, uri, BROADSHEET_IMAGE_ERROR_TOO_LARGE, NULL);

  test_finalize_loader (loader);
  g_unlink (path);
  test_remove_tree (dir);
}

static void
test_unsupported (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  BroadsheetImageLoader *loader = test_image_loader_new (dir);
  BroadsheetImageLoader *offline = broadsheet_image_loader_new (NULL, dir);
  g_autofree char *web = test_image_uri ("/never.png");
  const char *uris[] = { "ftp://127.0.0.1/photo.png", "data:image/png;base64,iVBORw0KGgo=",
                         "http:///photo.png", "not a uri", "javascript:alert(1)" };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    test_image_check_error (loader, uris[i], BROADSHEET_IMAGE_ERROR_UNSUPPORTED_ADDRESS, NULL);
  test_image_check_error (loader, "ftp://127.0.0.1/photo.png",
                          BROADSHEET_IMAGE_ERROR_UNSUPPORTED_ADDRESS, "“ftp:”");

  /* Without a session, web photos not on disk are not fetched. */
  test_image_check_error (offline, web, BROADSHEET_IMAGE_ERROR_UNSUPPORTED_ADDRESS, "127.0.0.1");
  g_assert_cmpuint (test_image_hits ("/never.png"), ==, 0);

  test_finalize_loader (offline);
  test_finalize_loader (loader);
  test_remove_tree (dir);
}

/* Not a test, a measurement: run with -m perf. */
static void
test_decode_time (void)
{
  g_autofree char *dir = test_image_cache_dir ();
  g_autofree char *file = g_build_filename (dir, "big.jpg", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GBytes) jpeg = test_image_detailed_jpeg (4000, 3000);
  gdouble full = 0, scaled = 0;

  g_file_set_contents (file, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), NULL);
  uri = g_filename_to_uri (file, NULL, NULL);

  for (int round = 0; round < 3; round++)
    for (int width = 0; width <= 800; width += 800)
      {
        BroadsheetImageLoader *loader = broadsheet_image_loader_new (NULL, dir);
        g_autoptr(GdkTexture) texture = NULL;
        g_autoptr(GError) error = NULL;

        g_test_timer_start ();
        texture = test_load (loader, uri, width, &error);
        g_assert_no_error (error);
        if (width == 0)
          full += g_test_timer_elapsed ();
        else
          scaled += g_test_timer_elapsed ();
        test_finalize_loader (loader);
      }

  g_test_minimized_result (full / 3, "4000x3000 JPEG (%" G_GSIZE_FORMAT " bytes) at full size: "
                           "%.1f ms", g_bytes_get_size (jpeg), 1000 * full / 3);
  g_test_minimized_result (scaled / 3, "4000x3000 JPEG at 800 px: %.1f ms (%.1f times faster)",
                           1000 * scaled / 3, full / scaled);
  g_unlink (file);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  test_resolver_install ();
  test_image_server_start ();

  g_test_add_func ("/image-loader/unsupported", test_unsupported);
  g_test_add_func ("/image-loader/png", test_png);
  g_test_add_func ("/image-loader/jpeg", test_jpeg);
  g_test_add_func ("/image-loader/broken", test_broken);
  g_test_add_func ("/image-loader/too-many-pixels", test_too_many_pixels);
  g_test_add_func ("/image-loader/too-large", test_too_large);
  g_test_add_func ("/image-loader/http-errors", test_http_errors);
  g_test_add_func ("/image-loader/cancel-slow", test_cancel_slow);
  g_test_add_func ("/image-loader/cancel-stalled", test_cancel_stalled);
  g_test_add_func ("/image-loader/shared", test_shared);
  test_image_add_cache_tests ();
  g_test_add_func ("/image-loader/resource", test_resource);
  g_test_add_func ("/image-loader/file", test_file);
  if (g_test_perf ())
    g_test_add_func ("/image-loader/decode-time", test_decode_time);

  status = g_test_run ();
  test_image_server_stop ();

  return status;
}
