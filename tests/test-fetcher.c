/* test-fetcher.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "broadsheet-fetcher.h"
#include "test-resolver.h"

/* The fetcher against a real SoupServer on 127.0.0.1. Names other than
 * localhost go to a fake resolver that knows none, and the sessions use no
 * proxy, so nothing here leaves the machine.
 */

#define FEED "{\"format\": \"broadsheet-story-json\", \"version\": 1, \"stories\": []}"
#define ETAG "\"v1\""
#define LAST_MODIFIED "Wed, 21 Oct 2015 07:28:00 GMT"
#define ACCEPT "application/feed+json, application/json;q=0.9, */*;q=0.1"
#define ENDLESS_CHUNK 512
#define ENDLESS_LIMIT (64 * 1024 * 1024 / ENDLESS_CHUNK)
#define WAIT_SECONDS 30

static SoupServer *server;
static char *base_uri;
static GHashTable *hits;              /* Path → number of requests. */
static char *seen_accept;
static char *seen_user_agent;
static char *seen_if_none_match;
static char *seen_if_modified_since;
static GPtrArray *held_streams;       /* Stolen connections left open. */
static guint endless_chunks;
static gboolean endless_finished;

/* The server. */

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
respond_size (SoupServerMessage *msg,
              gsize              size)
{
  g_autofree char *body = g_malloc (size);

  memset (body, ' ', size);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&body), size);
}

/* A gzip body that is longer than the feed it holds, so Content-Length is
 * more than the bytes the client reads.
 */
static void
respond_gzip (SoupServerMessage *msg)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  char compressed[1024];
  gsize bytes_read, bytes_written;
  g_autoptr(GError) error = NULL;

  g_converter_convert (G_CONVERTER (compressor), FEED, strlen (FEED), compressed,
                       sizeof compressed, G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written,
                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bytes_read, ==, strlen (FEED));
  g_assert_cmpuint (bytes_written, >, strlen (FEED));

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Content-Encoding", "gzip");
  soup_server_message_set_response (msg, "application/feed+json", SOUP_MEMORY_COPY,
                                    compressed, bytes_written);
}

static void
redirect (SoupServerMessage *msg,
          const char        *location)
{
  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location);
}

static void
too_many_requests (SoupServerMessage *msg,
                   const char        *retry_after)
{
  soup_server_message_set_status (msg, 429, "Too Many Requests");
  if (retry_after != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Retry-After", retry_after);
}

/* Takes the connection from libsoup and writes @response by hand. */
static void
respond_raw (SoupServerMessage *msg,
             const char        *response,
             gboolean           close)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  g_autoptr(GError) error = NULL;
  GOutputStream *output;

  g_assert_nonnull (stream);
  output = g_io_stream_get_output_stream (stream);
  g_output_stream_write_all (output, response, strlen (response), NULL, NULL, &error);
  g_assert_no_error (error);

  if (close)
    {
      g_io_stream_close (stream, NULL, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_ptr_array_add (held_streams, g_steal_pointer (&stream));
    }
}

static void
endless_wrote_chunk_cb (SoupServerMessage *msg,
                        gpointer           user_data)
{
  static const char chunk[ENDLESS_CHUNK] = { ' ' };
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  if (++endless_chunks < ENDLESS_LIMIT)
    soup_message_body_append (body, SOUP_MEMORY_STATIC, chunk, sizeof chunk);
  else
    soup_message_body_complete (body);
}

static void
endless_finished_cb (SoupServerMessage *msg,
                     gpointer           user_data)
{
  endless_finished = TRUE;
}

/* A chunked body that goes on until the client hangs up. */
static void
respond_endless (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  soup_message_body_set_accumulate (body, FALSE);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (endless_wrote_chunk_cb), NULL);
  g_signal_connect (msg, "finished", G_CALLBACK (endless_finished_cb), NULL);
  endless_wrote_chunk_cb (msg, NULL);
}

/* Headers and the start of a chunked body, then nothing more. */
static void
respond_stalled (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  soup_message_body_append (body, SOUP_MEMORY_STATIC, "{", 1);
}

static void
remember (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
server_cb (SoupServer        *soup_server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  const char *if_modified_since = soup_message_headers_get_one (request, "If-Modified-Since");

  g_hash_table_replace (hits, g_strdup (path),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (hits, path)) + 1));
  remember (&seen_accept, soup_message_headers_get_one (request, "Accept"));
  remember (&seen_user_agent, soup_message_headers_get_one (request, "User-Agent"));
  remember (&seen_if_none_match, if_none_match);
  remember (&seen_if_modified_since, if_modified_since);

  if (g_str_equal (path, "/feed+json"))
    respond (msg, SOUP_STATUS_OK, "application/feed+json", FEED);
  else if (g_str_equal (path, "/json"))
    respond (msg, SOUP_STATUS_OK, "application/json; charset=utf-8", FEED);
  else if (g_str_equal (path, "/text"))
    respond (msg, SOUP_STATUS_OK, "text/plain", FEED);
  else if (g_str_equal (path, "/octet-stream"))
    respond (msg, SOUP_STATUS_OK, "application/octet-stream", FEED);
  else if (g_str_equal (path, "/gzip"))
    respond_gzip (msg);
  else if (g_str_equal (path, "/html"))
    respond (msg, SOUP_STATUS_OK, "text/html; charset=utf-8", "<!doctype html><p>Hello</p>");
  else if (g_str_equal (path, "/xhtml"))
    respond (msg, SOUP_STATUS_OK, "application/xhtml+xml", "<html/>");
  else if (g_str_equal (path, "/etag"))
    {
      /* A 304 need not repeat Last-Modified; this one does not. */
      soup_message_headers_replace (response, "ETag", ETAG);
      if (g_strcmp0 (if_none_match, ETAG) == 0 || g_strcmp0 (if_modified_since, LAST_MODIFIED) == 0)
        {
          respond (msg, SOUP_STATUS_NOT_MODIFIED, NULL, NULL);
        }
      else
        {
          soup_message_headers_replace (response, "Last-Modified", LAST_MODIFIED);
          respond (msg, SOUP_STATUS_OK, "application/feed+json", FEED);
        }
    }
  else if (g_str_equal (path, "/403"))
    respond (msg, SOUP_STATUS_FORBIDDEN, "text/plain", "Forbidden");
  else if (g_str_equal (path, "/404"))
    respond (msg, SOUP_STATUS_NOT_FOUND, "text/html", "<p>Not here</p>");
  else if (g_str_equal (path, "/410"))
    respond (msg, SOUP_STATUS_GONE, "text/plain", "Gone");
  else if (g_str_equal (path, "/500"))
    respond (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/plain", "Oops");
  else if (g_str_equal (path, "/503"))
    respond (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "text/plain", "Later");
  else if (g_str_equal (path, "/limited"))
    too_many_requests (msg, "120");
  else if (g_str_equal (path, "/limited-date"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) later = g_date_time_add_hours (now, 1);
      g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

      too_many_requests (msg, date);
    }
  else if (g_str_equal (path, "/limited-bare"))
    too_many_requests (msg, NULL);
  else if (g_str_equal (path, "/redirect"))
    redirect (msg, "/json");
  else if (g_str_has_prefix (path, "/chain/"))
    {
      guint64 n = g_ascii_strtoull (path + strlen ("/chain/"), NULL, 10);
      g_autofree char *next = g_strdup_printf ("/chain/%" G_GUINT64_FORMAT, n - 1);

      if (n == 0)
        respond (msg, SOUP_STATUS_OK, "application/json", FEED);
      else
        redirect (msg, next);
    }
  else if (g_str_equal (path, "/loop"))
    redirect (msg, "/loop");
  else if (g_str_equal (path, "/to-ftp"))
    redirect (msg, "ftp://127.0.0.1/feed.json");
  else if (g_str_equal (path, "/big"))
    respond_size (msg, 2048);
  else if (g_str_equal (path, "/exact"))
    respond_size (msg, 1024);
  else if (g_str_equal (path, "/endless"))
    respond_endless (msg);
  else if (g_str_equal (path, "/truncated"))
    respond_raw (msg,
                 "HTTP/1.1 200 OK\r\n"
                 "Content-Type: application/json\r\n"
                 "Content-Length: 1000\r\n"
                 "Connection: close\r\n"
                 "\r\n"
                 "{\"format\": \"broadsheet-story-json\", ",
                 TRUE);
  else if (g_str_equal (path, "/truncated-chunked"))
    respond_raw (msg,
                 "HTTP/1.1 200 OK\r\n"
                 "Content-Type: application/json\r\n"
                 "Transfer-Encoding: chunked\r\n"
                 "\r\n"
                 "40\r\n"
                 "{\"format\": \"broadsheet-story-json\", ",
                 TRUE);
  else if (g_str_equal (path, "/declared-huge"))
    respond_raw (msg,
                 "HTTP/1.1 200 OK\r\n"
                 "Content-Type: application/json\r\n"
                 "Content-Length: 40000000\r\n"
                 "\r\n",
                 FALSE);
  else if (g_str_equal (path, "/stalled"))
    respond_stalled (msg);
  else if (g_str_equal (path, "/slow"))
    soup_server_message_pause (msg);
  else
    respond (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "No such test");
}

static guint
n_hits (const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (hits, path));
}

static char *
server_uri (const char *path)
{
  return g_strconcat (base_uri, path, NULL);
}

static BroadsheetFetcher *
make_fetcher (void)
{
  BroadsheetFetcher *fetcher = broadsheet_fetcher_new ();
  g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);

  soup_session_set_proxy_resolver (broadsheet_fetcher_get_session (fetcher), direct);
  return fetcher;
}

/* Waiting for callbacks, with an overall limit. */

static gboolean
too_slow_cb (gpointer user_data)
{
  gboolean *too_slow = user_data;

  *too_slow = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until (gboolean *flag)
{
  gboolean too_slow = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, too_slow_cb, &too_slow);

  while (!*flag && !too_slow)
    g_main_context_iteration (NULL, TRUE);

  if (too_slow)
    g_error ("Nothing happened for %d seconds", WAIT_SECONDS);
  g_source_remove (timeout_id);
}

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Waiter;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  waiter->done = TRUE;
}

static BroadsheetFetchResult *
fetch_full (BroadsheetFetcher  *fetcher,
            const char         *uri,
            const char         *etag,
            const char         *last_modified,
            GCancellable       *cancellable,
            GError            **error)
{
  Waiter waiter = { FALSE, NULL };
  BroadsheetFetchResult *result;

  broadsheet_fetcher_fetch_async (fetcher, uri, etag, last_modified, cancellable, done_cb, &waiter);
  wait_until (&waiter.done);
  result = broadsheet_fetcher_fetch_finish (fetcher, waiter.result, error);
  g_object_unref (waiter.result);
  return result;
}

static BroadsheetFetchResult *
fetch (BroadsheetFetcher  *fetcher,
       const char         *path,
       GError            **error)
{
  g_autofree char *uri = server_uri (path);

  return fetch_full (fetcher, uri, NULL, NULL, NULL, error);
}

/* Checks a failed fetch: the error, and that its message names the server. */
static void
assert_fails (BroadsheetFetcher     *fetcher,
              const char            *path,
              BroadsheetFetchError   code)
{
  g_autoptr(BroadsheetFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = fetch (fetcher, path, &error);
  g_assert_null (result);
  g_assert_error (error, BROADSHEET_FETCH_ERROR, (int)code);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
}

static void
assert_feed (BroadsheetFetchResult *result,
             const char            *path,
             const char            *content_type)
{
  g_autofree char *uri = server_uri (path);

  g_assert_nonnull (result);
  g_assert_false (result->not_modified);
  g_assert_nonnull (result->bytes);
  g_assert_cmpmem (g_bytes_get_data (result->bytes, NULL), g_bytes_get_size (result->bytes),
                   FEED, strlen (FEED));
  g_assert_cmpstr (result->content_type, ==, content_type);
  g_assert_cmpstr (result->final_uri, ==, uri);
}

static void
test_properties (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = broadsheet_fetcher_new ();
  SoupSession *session = broadsheet_fetcher_get_session (fetcher);
  guint64 max_size;
  guint timeout;

  g_object_get (fetcher, "max-size", &max_size, "timeout", &timeout, NULL);
  g_assert_cmpuint (max_size, ==, BROADSHEET_FETCHER_DEFAULT_MAX_SIZE);
  g_assert_cmpuint (timeout, ==, 30);
  g_assert_cmpuint (soup_session_get_timeout (session), ==, 30);
  g_assert_cmpuint (soup_session_get_idle_timeout (session), ==, 60);
  g_assert_cmpuint (soup_session_get_max_conns (session), ==, 6);
  g_assert_cmpuint (soup_session_get_max_conns_per_host (session), ==, 2);
  g_assert_cmpstr (soup_session_get_user_agent (session), ==, "Broadsheet/" PACKAGE_VERSION);

  broadsheet_fetcher_set_timeout (fetcher, 5);
  broadsheet_fetcher_set_max_size (fetcher, 1024);
  g_object_get (fetcher, "max-size", &max_size, "timeout", &timeout, NULL);
  g_assert_cmpuint (max_size, ==, 1024);
  g_assert_cmpuint (timeout, ==, 5);
  g_assert_cmpuint (soup_session_get_timeout (session), ==, 5);

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

static void
test_json (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();
  const char *paths[] = { "feed+json", "json", "text", "octet-stream", "gzip" };
  const char *types[] = { "application/feed+json", "application/json", "text/plain",
                          "application/octet-stream", "application/feed+json" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(BroadsheetFetchResult) result = NULL;
      g_autoptr(GError) error = NULL;

      result = fetch (fetcher, paths[i], &error);
      g_assert_no_error (error);
      assert_feed (result, paths[i], types[i]);
      g_assert_null (result->etag);
      g_assert_null (result->last_modified);
    }

  g_assert_cmpstr (seen_accept, ==, ACCEPT);
  g_assert_cmpstr (seen_user_agent, ==, "Broadsheet/" PACKAGE_VERSION);
  g_assert_null (seen_if_none_match);
  g_assert_null (seen_if_modified_since);

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

static void
test_web_page (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();

  assert_fails (fetcher, "html", BROADSHEET_FETCH_ERROR_WEB_PAGE);
  assert_fails (fetcher, "xhtml", BROADSHEET_FETCH_ERROR_WEB_PAGE);

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

static void
test_not_modified (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();
  g_autoptr(BroadsheetFetchResult) first = NULL;
  g_autoptr(BroadsheetFetchResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = server_uri ("etag");

  first = fetch (fetcher, "etag", &error);
  g_assert_no_error (error);
  assert_feed (first, "etag", "application/feed+json");
  g_assert_cmpstr (first->etag, ==, ETAG);
  g_assert_cmpstr (first->last_modified, ==, LAST_MODIFIED);
  g_assert_null (seen_if_none_match);

  second = fetch_full (fetcher, uri, first->etag, first->last_modified, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen_if_none_match, ==, ETAG);
  g_assert_cmpstr (seen_if_modified_since, ==, LAST_MODIFIED);
  g_assert_true (second->not_modified);
  g_assert_null (second->bytes);
  g_assert_cmpstr (second->etag, ==, ETAG);
  /* The 304 had no Last-Modified: the one sent is kept. */
  g_assert_cmpstr (second->last_modified, ==, LAST_MODIFIED);
  g_assert_cmpstr (second->final_uri, ==, uri);
  g_assert_cmpuint (n_hits ("/etag"), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

static void
test_http_errors (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BroadsheetFetchResult) result = NULL;

  assert_fails (fetcher, "403", BROADSHEET_FETCH_ERROR_HTTP);
  assert_fails (fetcher, "404", BROADSHEET_FETCH_ERROR_NOT_FOUND);
  assert_fails (fetcher, "410", BROADSHEET_FETCH_ERROR_GONE);
  assert_fails (fetcher, "500", BROADSHEET_FETCH_ERROR_SERVER);
  assert_fails (fetcher, "503", BROADSHEET_FETCH_ERROR_SERVER);

  result = fetch (fetcher, "503", &error);
  g_assert_error (error, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "HTTP 503"));

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

/* The local time a request made now may be tried again, to the minute;
 * the minute may turn while the test runs, so either end of it counts.
 */
static char *
local_time_in (GTimeSpan seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, seconds);

  return g_date_time_format (then, "%H:%M");
}

static void
assert_rate_limited (const char *path,
                     GTimeSpan   seconds)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();
  g_autoptr(BroadsheetFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  g_autoptr(GError) other = NULL;
  g_autofree char *before = local_time_in (seconds);
  g_autofree char *after = NULL;
  g_autofree char *path_key = g_strconcat ("/", path, NULL);
  g_autofree char *uri = server_uri ("json");

  result = fetch (fetcher, path, &error);
  after = local_time_in (seconds);
  g_assert_null (result);
  g_assert_error (error, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_true (strstr (error->message, before) != NULL || strstr (error->message, after) != NULL);
  g_assert_cmpuint (n_hits (path_key), ==, 1);

  /* Any address on that host now fails at once, without a request. */
  result = fetch (fetcher, path, &again);
  g_assert_null (result);
  g_assert_error (again, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (again->message, "127.0.0.1"));
  g_assert_true (strstr (again->message, before) != NULL || strstr (again->message, after) != NULL);
  g_assert_cmpuint (n_hits (path_key), ==, 1);

  result = fetch_full (fetcher, uri, NULL, NULL, NULL, &other);
  g_assert_null (result);
  g_assert_error (other, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (other->message, "127.0.0.1"));
  g_assert_cmpuint (n_hits ("/json"), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

static void
test_rate_limited (void)
{
  g_hash_table_remove_all (hits);
  assert_rate_limited ("limited", 120);
}

static void
test_rate_limited_date (void)
{
  g_hash_table_remove_all (hits);
  assert_rate_limited ("limited-date", 60 * 60);
}

static void
test_rate_limited_default (void)
{
  g_hash_table_remove_all (hits);
  assert_rate_limited ("limited-bare", 5 * 60);
}

static void
test_redirect (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();
  g_autoptr(BroadsheetFetchResult) result = NULL;
  g_autoptr(BroadsheetFetchResult) chain = NULL;
  g_autoptr(GError) error = NULL;

  result = fetch (fetcher, "redirect", &error);
  g_assert_no_error (error);
  assert_feed (result, "json", "application/json");

  /* Five redirects are allowed. */
  g_hash_table_remove_all (hits);
  chain = fetch (fetcher, "chain/5", &error);
  g_assert_no_error (error);
  assert_feed (chain, "chain/0", "application/json");
  g_assert_cmpuint (n_hits ("/chain/5"), ==, 1);
  g_assert_cmpuint (n_hits ("/chain/0"), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

static void
test_redirect_loop (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();

  g_hash_table_remove_all (hits);
  assert_fails (fetcher, "loop", BROADSHEET_FETCH_ERROR_TOO_MANY_REDIRECTS);
  /* The first request and five redirects. */
  g_assert_cmpuint (n_hits ("/loop"), ==, 6);

  g_hash_table_remove_all (hits);
  assert_fails (fetcher, "chain/6", BROADSHEET_FETCH_ERROR_TOO_MANY_REDIRECTS);
  g_assert_cmpuint (n_hits ("/chain/1"), ==, 1);
  g_assert_cmpuint (n_hits ("/chain/0"), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

static void
test_redirect_unsupported (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();

  assert_fails (fetcher, "to-ftp", BROADSHEET_FETCH_ERROR_UNSUPPORTED);

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

static void
test_truncated (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();

  /* libsoup 3.2 reads a short Content-Length body as a complete one; the
   * fetcher counts the bytes itself.
   */
  assert_fails (fetcher, "truncated", BROADSHEET_FETCH_ERROR_TRUNCATED);
  /* A chunk cut short is G_IO_ERROR_PARTIAL_INPUT from libsoup. */
  assert_fails (fetcher, "truncated-chunked", BROADSHEET_FETCH_ERROR_TRUNCATED);

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

static void
test_too_large (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();
  g_autoptr(BroadsheetFetchResult) exact = NULL;
  g_autoptr(BroadsheetFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  broadsheet_fetcher_set_max_size (fetcher, 1024);

  exact = fetch (fetcher, "exact", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (exact->bytes), ==, 1024);

  result = fetch (fetcher, "big", &error);
  g_assert_null (result);
  g_assert_error (error, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  /* g_format_size() puts a no-break space before the unit. */
  g_assert_nonnull (strstr (error->message, "1.0\u00a0KiB"));

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

/* Content-Length over the cap is refused from the headers alone: this
 * server never sends the body, nor closes the connection.
 */
static void
test_too_large_declared (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();
  g_autoptr(BroadsheetFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = fetch (fetcher, "declared-huge", &error);
  g_assert_null (result);
  g_assert_error (error, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_nonnull (strstr (error->message, "32 MiB"));

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

/* A chunked body with no end: the fetch stops at the cap and hangs up, which
 * ends the server's side too.
 */
static void
test_too_large_chunked (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();

  broadsheet_fetcher_set_max_size (fetcher, 1024);
  endless_chunks = 0;
  endless_finished = FALSE;

  assert_fails (fetcher, "endless", BROADSHEET_FETCH_ERROR_TOO_LARGE);
  g_assert_finalize_object (g_steal_pointer (&fetcher));

  wait_until (&endless_finished);
  g_assert_cmpuint (endless_chunks, <, ENDLESS_LIMIT);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* The fetch is cancelled 200 ms in, while waiting for @path, and ends
 * at once with G_IO_ERROR_CANCELLED.
 */
static void
assert_cancels (const char *path)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();
  g_autoptr(BroadsheetFetchResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = server_uri (path);
  gint64 start = g_get_monotonic_time ();

  g_timeout_add (200, cancel_cb, cancellable);
  result = fetch_full (fetcher, uri, NULL, NULL, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 150 * 1000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

static void
test_cancelled (void)
{
  assert_cancels ("slow");
  assert_cancels ("stalled");
}

/* A silent server, before the headers or in the body, times out. */
static void
assert_times_out (const char *path)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();
  gint64 start = g_get_monotonic_time ();

  broadsheet_fetcher_set_timeout (fetcher, 1);
  assert_fails (fetcher, path, BROADSHEET_FETCH_ERROR_TIMED_OUT);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC / 2);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

static void
test_timed_out (void)
{
  assert_times_out ("slow");
  assert_times_out ("stalled");
}

static void
test_refused (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();
  g_autoptr(BroadsheetFetchResult) result = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  /* A port that was free a moment ago, and has nothing listening. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  uri = g_strdup_printf ("http://127.0.0.1:%u/feed.json",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, &error);
  g_assert_no_error (error);

  result = fetch_full (fetcher, uri, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_nonnull (strstr (error->message, "refused"));

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

static void
test_no_such_host (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();
  g_autoptr(BroadsheetFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint lookups = test_resolver_get_n_lookups ();

  result = fetch_full (fetcher, "http://no-such-host.invalid/feed.json", NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "no-such-host.invalid"));
  g_assert_cmpuint (test_resolver_get_n_lookups (), >, lookups);

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

static void
test_bad_certificate (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();
  g_autoptr(BroadsheetFetchResult) result = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) tls_server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cert_file = g_test_build_filename (G_TEST_DIST, "data", "tls", "cert.pem", NULL);
  g_autofree char *key_file = g_test_build_filename (G_TEST_DIST, "data", "tls", "key.pem", NULL);
  g_autofree char *tls_base = NULL;
  g_autofree char *uri = NULL;
  GSList *uris;

  certificate = g_tls_certificate_new_from_files (cert_file, key_file, &error);
  g_assert_no_error (error);

  tls_server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (tls_server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (tls_server, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (tls_server);
  g_assert_nonnull (uris);
  g_assert_cmpstr (g_uri_get_scheme (uris->data), ==, "https");
  tls_base = g_uri_to_string (uris->data);
  uri = g_strconcat (tls_base, "json", NULL);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  result = fetch_full (fetcher, uri, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_cmpuint (n_hits ("/json"), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&fetcher));
  soup_server_disconnect (tls_server);
}

static void
test_unsupported (void)
{
  g_autoptr(BroadsheetFetcher) fetcher = make_fetcher ();
  const char *uris[] = { "ftp://127.0.0.1/feed.json", "file:///etc/passwd", "http:///feed.json",
                         "not a uri" };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr(BroadsheetFetchResult) result = NULL;
      g_autoptr(GError) error = NULL;

      result = fetch_full (fetcher, uris[i], NULL, NULL, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_UNSUPPORTED);
      if (g_str_has_prefix (uris[i], "ftp:"))
        g_assert_nonnull (strstr (error->message, "127.0.0.1"));
    }

  g_assert_finalize_object (g_steal_pointer (&fetcher));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  int status;

  g_test_init (&argc, &argv, NULL);
  test_resolver_install ();

  hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  held_streams = g_ptr_array_new_with_free_func (g_object_unref);

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  base_uri = g_uri_to_string (uris->data);
  g_assert_true (g_str_has_prefix (base_uri, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (base_uri, "/"));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_test_add_func ("/fetcher/properties", test_properties);
  g_test_add_func ("/fetcher/json", test_json);
  g_test_add_func ("/fetcher/web-page", test_web_page);
  g_test_add_func ("/fetcher/not-modified", test_not_modified);
  g_test_add_func ("/fetcher/http-errors", test_http_errors);
  g_test_add_func ("/fetcher/rate-limited", test_rate_limited);
  g_test_add_func ("/fetcher/rate-limited-date", test_rate_limited_date);
  g_test_add_func ("/fetcher/rate-limited-default", test_rate_limited_default);
  g_test_add_func ("/fetcher/redirect", test_redirect);
  g_test_add_func ("/fetcher/redirect-loop", test_redirect_loop);
  g_test_add_func ("/fetcher/redirect-unsupported", test_redirect_unsupported);
  g_test_add_func ("/fetcher/truncated", test_truncated);
  g_test_add_func ("/fetcher/too-large", test_too_large);
  g_test_add_func ("/fetcher/too-large-declared", test_too_large_declared);
  g_test_add_func ("/fetcher/too-large-chunked", test_too_large_chunked);
  g_test_add_func ("/fetcher/cancelled", test_cancelled);
  g_test_add_func ("/fetcher/timed-out", test_timed_out);
  g_test_add_func ("/fetcher/refused", test_refused);
  g_test_add_func ("/fetcher/no-such-host", test_no_such_host);
  g_test_add_func ("/fetcher/bad-certificate", test_bad_certificate);
  g_test_add_func ("/fetcher/unsupported", test_unsupported);

  status = g_test_run ();

  g_ptr_array_unref (held_streams);
  soup_server_disconnect (server);
  g_clear_object (&server);
  g_hash_table_unref (hits);
  g_free (base_uri);
  g_free (seen_accept);
  g_free (seen_user_agent);
  g_free (seen_if_none_match);
  g_free (seen_if_modified_since);

  return status;
}
