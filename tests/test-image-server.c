/* test-image-server.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "broadsheet-fetcher.h"
#include "test-image-util.h"

/* A SoupServer on 127.0.0.1 that serves photos made by the tests, broken
 * and hostile ones among them, and counts the requests for each path; and
 * the checks the image loader tests share.
 */

static SoupServer *server;
static char *base_uri;
static GHashTable *photos;            /* Path → GBytes. */
static GHashTable *hits;              /* Path → number of requests. */
static char *seen_accept;
static BroadsheetFetcher *fetcher;    /* For the app's session. */
static GPtrArray *paused;             /* Messages never answered. */
static SoupServerMessage *stalled;    /* The last message left mid-body. */
static guint n_aborted;

static void
respond_bytes (SoupServerMessage *msg,
               const char        *content_type,
               GBytes            *bytes)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The whole photo, chunked: no Content-Length to refuse it early by. */
static void
respond_chunked (SoupServerMessage *msg,
                 GBytes            *bytes)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "image/jpeg", NULL);
  soup_message_body_append_bytes (body, bytes);
  soup_message_body_complete (body);
}

/* Headers and the start of a photo, then nothing more. */
static void
respond_stalled (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "image/png", NULL);
  soup_message_body_append (body, SOUP_MEMORY_STATIC, "\x89PNG\r\n\x1a\n", 8);
}

static void
server_cb (SoupServer        *soup_server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  GBytes *photo = g_hash_table_lookup (photos, path);

  g_hash_table_replace (hits, g_strdup (path),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (hits, path)) + 1));
  g_free (seen_accept);
  seen_accept = g_strdup (soup_message_headers_get_one (request, "Accept"));

  if (photo != NULL)
    respond_bytes (msg, g_str_has_suffix (path, ".png") ? "image/png" : "image/jpeg", photo);
  else if (g_str_has_prefix (path, "/n/"))
    respond_bytes (msg, "image/png", g_hash_table_lookup (photos, "/small.png"));
  else if (g_str_equal (path, "/chunked.jpg"))
    respond_chunked (msg, g_hash_table_lookup (photos, "/photo.jpg"));
  else if (g_str_equal (path, "/redirect"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/photo.png");
  else if (g_str_equal (path, "/to-ftp"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "ftp://127.0.0.1/photo.png");
  else if (g_str_equal (path, "/to-file"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "file:///etc/passwd");
  else if (g_str_equal (path, "/loop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/loop");
  else if (g_str_equal (path, "/slow"))
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (paused, g_object_ref (msg));
    }
  else if (g_str_equal (path, "/stalled"))
    {
      respond_stalled (msg);
      g_set_object (&stalled, msg);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
request_aborted_cb (SoupServer        *soup_server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  n_aborted++;
}

guint
test_image_hits (const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (hits, path));
}

/* Returns the address of @path, which starts with a slash, on the server. */
char *
test_image_uri (const char *path)
{
  return g_strconcat (base_uri, path + 1, NULL);
}

GBytes *
test_image_photo (const char *path)
{
  GBytes *photo = g_hash_table_lookup (photos, path);

  g_assert_nonnull (photo);
  return photo;
}

const char *
test_image_seen_accept (void)
{
  return seen_accept;
}

/* Returns: (transfer full): the last message left mid-body, to finish. */
SoupServerMessage *
test_image_take_stalled (void)
{
  return g_steal_pointer (&stalled);
}

/* Returns how many requests ended because the client went. */
guint
test_image_n_aborted (void)
{
  return n_aborted;
}

/* Returns another server with the same photos, for a test to stop. */
SoupServer *
test_image_server_new (char **own_base_uri)
{
  SoupServer *own_server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  soup_server_add_handler (own_server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (own_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (own_server);
  g_assert_nonnull (uris);
  *own_base_uri = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  return own_server;
}

char *
test_image_cache_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("broadsheet-images-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Returns a loader on the app's kind of session, as the window makes it. */
BroadsheetImageLoader *
test_image_loader_new (const char *cache_dir)
{
  return broadsheet_image_loader_new (broadsheet_fetcher_get_session (fetcher), cache_dir);
}

void
test_image_check_size (GdkTexture *texture,
                       int         width,
                       int         height)
{
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
}

/* Loads @path_or_uri (a path on the server, or an address) and checks it
 * fails with @code, naming @in_message if that is not %NULL.
 */
void
test_image_check_error (BroadsheetImageLoader *loader,
                        const char            *path_or_uri,
                        int                    code,
                        const char            *in_message)
{
  g_autofree char *uri = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  uri = path_or_uri[0] == '/' ? test_image_uri (path_or_uri) : g_strdup (path_or_uri);
  texture = test_load (loader, uri, 0, &error);
  g_assert_null (texture);
  g_assert_error (error, BROADSHEET_IMAGE_ERROR, code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in “%s”", in_message, error->message);
}

static void
add_photo (const char *path,
           GBytes     *bytes)
{
  g_hash_table_insert (photos, g_strdup (path), bytes);
}

static void
add_photos (void)
{
  g_autoptr(GBytes) png = test_image_png (400, 300);
  g_autoptr(GBytes) jpeg = test_image_jpeg (640, 480);
  g_autoptr(GBytes) sideways = test_image_jpeg (400, 300);
  gsize png_length = g_bytes_get_size (png);
  gsize jpeg_length = g_bytes_get_size (jpeg);

  add_photo ("/photo.png", g_bytes_ref (png));
  add_photo ("/shared.png", g_bytes_ref (png));
  add_photo ("/revisit.png", g_bytes_ref (png));
  add_photo ("/photo.jpg", g_bytes_ref (jpeg));
  add_photo ("/offline.jpg", g_bytes_ref (jpeg));
  add_photo ("/rotated.jpg", test_image_with_orientation (sideways, 6));
  add_photo ("/small.png", test_image_png (160, 120));
  add_photo ("/corrupt.png", g_bytes_new_static ("\x89PNG\r\n\x1a\nnot really a png at all", 32));
  add_photo ("/text.png", g_bytes_new_static ("<html>Not found</html>", 22));
  add_photo ("/empty.png", g_bytes_new_static ("", 0));
  add_photo ("/truncated.png", g_bytes_new_from_bytes (png, 0, png_length - 20));
  add_photo ("/truncated.jpg", g_bytes_new_from_bytes (jpeg, 0, jpeg_length / 2));
  add_photo ("/header-only.jpg", g_bytes_new_from_bytes (jpeg, 0, 400));
  add_photo ("/huge.png", test_image_huge_png (60000, 60000));
  add_photo ("/huge.gif", test_image_huge_gif ());
  add_photo ("/huge.jpg", test_image_huge_jpeg (jpeg));
}


void
test_image_server_start (void)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fetcher = broadsheet_fetcher_new ();
  photos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  paused = g_ptr_array_new_with_free_func (g_object_unref);
  add_photos ();

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  g_signal_connect (server, "request-aborted", G_CALLBACK (request_aborted_cb), NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  base_uri = g_uri_to_string (uris->data);
  g_assert_true (g_str_has_prefix (base_uri, "http://127.0.0.1:"));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
}

void
test_image_server_stop (void)
{
  g_clear_pointer (&paused, g_ptr_array_unref);
  g_clear_object (&stalled);
  soup_server_disconnect (server);
  g_clear_object (&server);
  g_clear_object (&fetcher);
  g_clear_pointer (&hits, g_hash_table_unref);
  g_clear_pointer (&photos, g_hash_table_unref);
  g_clear_pointer (&base_uri, g_free);
  g_clear_pointer (&seen_accept, g_free);
}
