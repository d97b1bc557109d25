/* broadsheet-fetcher.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-fetcher.h"

/* The app's one HTTP client. It fetches feeds with libsoup:
 *
 *  - one SoupSession with our user agent, timeouts and a few connections;
 *  - conditional requests (If-None-Match, If-Modified-Since), 304 as "nothing new";
 *  - redirects followed here, at most BROADSHEET_FETCHER_MAX_REDIRECTS, and
 *    only to http and https;
 *  - the body read as a stream and refused beyond a size cap;
 *  - 429 Retry-After honoured per host, without touching the network;
 *  - every failure turned into a sentence that says what happened, names the
 *    server, and what the user can do.
 *
 * TLS certificates are checked by glib-networking; a bad one is an error,
 * never accepted.
 */
struct _BroadsheetFetcher
{
  GObject parent_instance;

  SoupSession *session;
  gsize        max_size;
  GHashTable  *not_before;  /* host → GDateTime of the earliest next request. */
};

G_DEFINE_FINAL_TYPE (BroadsheetFetcher, broadsheet_fetcher, G_TYPE_OBJECT)

G_DEFINE_QUARK (broadsheet-fetch-error-quark, broadsheet_fetch_error)

enum {
  PROP_0,
  PROP_MAX_SIZE,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define CHUNK_SIZE (64 * 1024)
#define DEFAULT_RETRY_AFTER (5 * 60)

void
broadsheet_fetch_result_free (BroadsheetFetchResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->bytes, g_bytes_unref);
  g_free (result->etag);
  g_free (result->last_modified);
  g_free (result->content_type);
  g_free (result->final_uri);
  g_free (result);
}

static void
broadsheet_fetcher_dispose (GObject *object)
{
  BroadsheetFetcher *self = (BroadsheetFetcher *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_pointer (&self->not_before, g_hash_table_unref);

  G_OBJECT_CLASS (broadsheet_fetcher_parent_class)->dispose (object);
}

static void
broadsheet_fetcher_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BroadsheetFetcher *self = BROADSHEET_FETCHER (object);

  switch (prop_id)
    {
    case PROP_MAX_SIZE:
      g_value_set_uint64 (value, self->max_size);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, soup_session_get_timeout (self->session));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_fetcher_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BroadsheetFetcher *self = BROADSHEET_FETCHER (object);

  switch (prop_id)
    {
    case PROP_MAX_SIZE:
      broadsheet_fetcher_set_max_size (self, g_value_get_uint64 (value));
      break;

    case PROP_TIMEOUT:
      broadsheet_fetcher_set_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_fetcher_class_init (BroadsheetFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = broadsheet_fetcher_dispose;
  object_class->get_property = broadsheet_fetcher_get_property;
  object_class->set_property = broadsheet_fetcher_set_property;

  properties[PROP_MAX_SIZE] =
    g_param_spec_uint64 ("max-size", NULL, NULL, 1, G_MAXSIZE, BROADSHEET_FETCHER_DEFAULT_MAX_SIZE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, 30,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
broadsheet_fetcher_init (BroadsheetFetcher *self)
{
  g_autofree char *user_agent = g_strdup_printf ("Broadsheet/%s", PACKAGE_VERSION);

  self->max_size = BROADSHEET_FETCHER_DEFAULT_MAX_SIZE;
  self->not_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)g_date_time_unref);
  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "user-agent", user_agent,
                                "timeout", 30,
                                "idle-timeout", 60,
                                "max-conns", 6,
                                "max-conns-per-host", 2,
                                NULL);
}

BroadsheetFetcher *
broadsheet_fetcher_new (void)
{
  return g_object_new (BROADSHEET_TYPE_FETCHER, NULL);
}

/* Returns: (transfer none): the session, to share with other downloads. */
SoupSession *
broadsheet_fetcher_get_session (BroadsheetFetcher *self)
{
  g_return_val_if_fail (BROADSHEET_IS_FETCHER (self), NULL);

  return self->session;
}

/* Sets the largest body, in bytes, a fetch reads before it gives up. */
void
broadsheet_fetcher_set_max_size (BroadsheetFetcher *self,
                                 gsize              max_size)
{
  g_return_if_fail (BROADSHEET_IS_FETCHER (self));
  g_return_if_fail (max_size > 0);

  if (self->max_size != max_size)
    {
      self->max_size = max_size;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_SIZE]);
    }
}

/* Sets how many seconds connecting or a silent server may take. */
void
broadsheet_fetcher_set_timeout (BroadsheetFetcher *self,
                                guint              seconds)
{
  g_return_if_fail (BROADSHEET_IS_FETCHER (self));

  if (soup_session_get_timeout (self->session) != seconds)
    {
      soup_session_set_timeout (self->session, seconds);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
    }
}

typedef struct
{
  GUri        *uri;
  char        *etag;
  char        *last_modified;
  SoupMessage *message;
  GInputStream *stream;
  GByteArray  *body;
  goffset      content_length;  /* -1 when unknown. */
  guint        n_redirects;
} Fetch;

static void
fetch_free (gpointer data)
{
  Fetch *fetch = data;

  g_clear_pointer (&fetch->uri, g_uri_unref);
  g_free (fetch->etag);
  g_free (fetch->last_modified);
  g_clear_object (&fetch->message);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  g_free (fetch);
}

static const char *
host_of (Fetch *fetch)
{
  return g_uri_get_host (fetch->uri);
}

static gboolean
is_web_uri (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && *host != '\0';
}

/* Turns a transport error into one that says what happened and what to do. */
static GError *
describe_error (Fetch  *fetch,
                GError *error)
{
  const char *host = host_of (fetch);
  GError *described;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_RESOLVER_ERROR)
    described = g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_NETWORK,
                             _("Could not find the server %s: check the address and your "
                               "connection"), host);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    described = g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_NETWORK,
                             _("%s refused the connection: the server may be down, try again "
                               "later"), host);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    described = g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_NETWORK,
                             _("Could not reach %s: check your connection"), host);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    described = g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TIMED_OUT,
                             _("%s did not answer in time: try again later"), host);
  else if (error->domain == G_TLS_ERROR)
    described = g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TLS,
                             _("The security certificate of %s is not valid, so Broadsheet did "
                               "not load the feed"), host);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    described = g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TRUNCATED,
                             _("The connection to %s ended before the whole feed arrived: try "
                               "again later"), host);
  else
    described = g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_NETWORK,
                             _("Could not load the feed from %s: %s"), host, error->message);

  return described;
}

static void
return_error (GTask  *task,
              GError *error)
{
  Fetch *fetch = g_task_get_task_data (task);
  GError *described = describe_error (fetch, error);

  g_error_free (error);
  g_task_return_error (task, described);
}

static char *
format_local_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  return g_date_time_format (local, "%H:%M");
}

/* A 429: keeps every request to that host off the network until the server
 * said to come back.
 */
static GError *
rate_limited (BroadsheetFetcher *self,
              Fetch             *fetch)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  const char *retry_after = soup_message_headers_get_one (headers, "Retry-After");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *time = NULL;
  char *end = NULL;
  guint64 seconds;

  if (retry_after != NULL && g_ascii_isdigit (*retry_after) &&
      (seconds = g_ascii_strtoull (retry_after, &end, 10), end != NULL && *end == '\0'))
    when = g_date_time_add_seconds (now, MIN (seconds, 24 * 60 * 60));
  else if (retry_after != NULL)
    when = soup_date_time_new_from_http_string (retry_after);

  if (when == NULL || g_date_time_compare (when, now) <= 0)
    {
      g_clear_pointer (&when, g_date_time_unref);
      when = g_date_time_add_seconds (now, DEFAULT_RETRY_AFTER);
    }

  g_hash_table_replace (self->not_before, g_strdup (host_of (fetch)), g_date_time_ref (when));
  time = format_local_time (when);
  return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_RATE_LIMITED,
                      _("%s asked Broadsheet to wait (HTTP 429): it will try again after %s"),
                      host_of (fetch), time);
}

static GError *
http_error (BroadsheetFetcher *self,
            Fetch             *fetch,
            guint              status)
{
  const char *host = host_of (fetch);

  switch (status)
    {
    case SOUP_STATUS_NOT_FOUND:
      return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_NOT_FOUND,
                          _("The feed was not found on %s (HTTP 404): check the address"), host);

    case SOUP_STATUS_GONE:
      return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_GONE,
                          _("The feed has been removed from %s (HTTP 410): you can remove it "
                            "from Broadsheet"), host);

    case 429: /* Too Many Requests; libsoup 3.2 has no name for it. */
      return rate_limited (self, fetch);

    default:
      if (status >= 500)
        return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_SERVER,
                            _("%s had a problem (HTTP %u): try again later"), host, status);
      return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_HTTP,
                          _("%s refused to send the feed (HTTP %u %s)"), host, status,
                          soup_status_get_phrase (status));
    }
}

static void send_message (GTask *task);

static void
finish_body (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  BroadsheetFetchResult *result = g_new0 (BroadsheetFetchResult, 1);

  if (fetch->content_length >= 0 && (goffset)fetch->body->len < fetch->content_length)
    {
      g_task_return_new_error (task, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TRUNCATED,
                               _("The connection to %s ended before the whole feed arrived: try "
                                 "again later"), host_of (fetch));
      broadsheet_fetch_result_free (result);
      return;
    }

  result->bytes = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));
  result->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  result->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  result->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  result->final_uri = g_uri_to_string (fetch->uri);
  g_task_return_pointer (task, result, (GDestroyNotify)broadsheet_fetch_result_free);
}

static GError *
too_large (BroadsheetFetcher *self,
           Fetch             *fetch)
{
  guint mib = MAX (1, self->max_size / (1024 * 1024));

  return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TOO_LARGE,
                      ngettext ("The feed from %s is larger than %u MiB, so Broadsheet did not "
                                "load it",
                                "The feed from %s is larger than %u MiB, so Broadsheet did not "
                                "load it", mib),
                      host_of (fetch), mib);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BroadsheetFetcher *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      return_error (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      finish_body (task);
      return;
    }

  if (fetch->body->len + g_bytes_get_size (chunk) > self->max_size)
    {
      /* Stop reading: dropping the stream closes the connection. */
      g_task_return_error (task, too_large (self, fetch));
      return;
    }

  g_byte_array_append (fetch->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  g_input_stream_read_bytes_async (fetch->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), read_cb, g_object_ref (task));
}

static gboolean
is_web_page (const char *content_type)
{
  return content_type != NULL &&
         (g_ascii_strcasecmp (content_type, "text/html") == 0 ||
          g_ascii_strcasecmp (content_type, "application/xhtml+xml") == 0);
}

static gboolean
follow_redirect (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;

  if (location == NULL)
    return FALSE;

  if (++fetch->n_redirects > BROADSHEET_FETCHER_MAX_REDIRECTS)
    {
      g_task_return_new_error (task, BROADSHEET_FETCH_ERROR,
                               BROADSHEET_FETCH_ERROR_TOO_MANY_REDIRECTS,
                               _("%s redirected Broadsheet too many times: the feed’s address may "
                                 "have changed, check it on the site"), host_of (fetch));
      return TRUE;
    }

  target = g_uri_parse_relative (fetch->uri, location, G_URI_FLAGS_ENCODED, NULL);
  if (target == NULL || !is_web_uri (target))
    {
      g_task_return_new_error (task, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_UNSUPPORTED,
                               _("%s redirected Broadsheet to an address it cannot load"),
                               host_of (fetch));
      return TRUE;
    }

  g_uri_unref (fetch->uri);
  fetch->uri = g_steal_pointer (&target);
  g_clear_object (&fetch->stream);
  g_clear_object (&fetch->message);
  send_message (task);
  return TRUE;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BroadsheetFetcher *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  const char *content_type;
  GError *error = NULL;
  guint status;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (fetch->stream == NULL)
    {
      return_error (task, error);
      return;
    }

  status = soup_message_get_status (fetch->message);
  headers = soup_message_get_response_headers (fetch->message);

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      BroadsheetFetchResult *unchanged = g_new0 (BroadsheetFetchResult, 1);

      unchanged->not_modified = TRUE;
      unchanged->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
      unchanged->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
      unchanged->final_uri = g_uri_to_string (fetch->uri);
      g_task_return_pointer (task, unchanged, (GDestroyNotify)broadsheet_fetch_result_free);
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status) && follow_redirect (task))
    return;

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_error (task, http_error (self, fetch, status));
      return;
    }

  content_type = soup_message_headers_get_content_type (headers, NULL);
  if (is_web_page (content_type))
    {
      g_task_return_new_error (task, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_WEB_PAGE,
                               _("This address is a web page, not a feed: look on the site for a "
                                 "link to its JSON feed"));
      return;
    }

  fetch->content_length = -1;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    fetch->content_length = soup_message_headers_get_content_length (headers);
  if (fetch->content_length > 0 && (guint64)fetch->content_length > self->max_size)
    {
      g_task_return_error (task, too_large (self, fetch));
      return;
    }

  fetch->body = g_byte_array_sized_new (fetch->content_length > 0
                                        ? (guint)MIN ((gsize)fetch->content_length, self->max_size)
                                        : CHUNK_SIZE);
  g_input_stream_read_bytes_async (fetch->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), read_cb, g_object_ref (task));
}

static void
send_message (GTask *task)
{
  BroadsheetFetcher *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  fetch->message = soup_message_new_from_uri (SOUP_METHOD_GET, fetch->uri);
  /* Redirects are followed in follow_redirect(), to bound and check them. */
  soup_message_add_flags (fetch->message, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (fetch->message);
  soup_message_headers_replace (headers, "Accept",
                                "application/feed+json, application/json;q=0.9, */*;q=0.1");
  if (fetch->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", fetch->etag);
  if (fetch->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", fetch->last_modified);

  soup_session_send_async (self->session, fetch->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), send_cb, g_object_ref (task));
}

/* Returns %TRUE, with an error, while @host is inside a Retry-After window. */
static gboolean
check_rate_limit (BroadsheetFetcher  *self,
                  const char         *host,
                  GError            **error)
{
  GDateTime *not_before = g_hash_table_lookup (self->not_before, host);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;

  if (not_before == NULL)
    return FALSE;

  now = g_date_time_new_now_utc ();
  if (g_date_time_compare (now, not_before) >= 0)
    {
      g_hash_table_remove (self->not_before, host);
      return FALSE;
    }

  time = format_local_time (not_before);
  g_set_error (error, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_RATE_LIMITED,
               _("%s asked Broadsheet to wait: it will try again after %s"), host, time);
  return TRUE;
}

/* Fetches @uri, conditionally when @etag or @last_modified are given. */
void
broadsheet_fetcher_fetch_async (BroadsheetFetcher   *self,
                                const char          *uri,
                                const char          *etag,
                                const char          *last_modified,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) parsed = NULL;
  GError *error = NULL;
  Fetch *fetch;

  g_return_if_fail (BROADSHEET_IS_FETCHER (self));
  g_return_if_fail (uri != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, broadsheet_fetcher_fetch_async);

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  if (parsed == NULL || !is_web_uri (parsed))
    {
      g_task_return_new_error (task, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_UNSUPPORTED,
                               _("Broadsheet loads feeds from http and https addresses only"));
      return;
    }

  if (check_rate_limit (self, g_uri_get_host (parsed), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  fetch = g_new0 (Fetch, 1);
  fetch->uri = g_steal_pointer (&parsed);
  fetch->etag = g_strdup (etag);
  fetch->last_modified = g_strdup (last_modified);
  g_task_set_task_data (task, fetch, fetch_free);

  send_message (task);
}

/* Returns: (transfer full): the response, or %NULL with @error set. */
BroadsheetFetchResult *
broadsheet_fetcher_fetch_finish (BroadsheetFetcher  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (BROADSHEET_IS_FETCHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        broadsheet_fetcher_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
