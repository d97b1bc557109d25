/* broadsheet-fetcher.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-fetch-errors.h"
#include "broadsheet-fetcher.h"
#include "broadsheet-http-body.h"

/* The app's one HTTP client. It fetches feeds with libsoup:
 *
 *  - one SoupSession with our user agent, timeouts and a few connections;
 *  - conditional requests (If-None-Match, If-Modified-Since), 304 as "nothing new";
 *  - redirects followed here rather than by libsoup, so they are counted
 *    (at most BROADSHEET_FETCHER_MAX_REDIRECTS) and go to http and https only;
 *  - the body read as a stream in 64 KiB chunks and refused beyond a size
 *    cap, early when Content-Length says so;
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
  GHashTable  *not_before;  /* Lower-case host → GDateTime before which it is not asked. */
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

#define ACCEPT "application/feed+json, application/json;q=0.9, */*;q=0.1"

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

  G_OBJECT_CLASS (broadsheet_fetcher_parent_class)->dispose (object);
}

static void
broadsheet_fetcher_finalize (GObject *object)
{
  BroadsheetFetcher *self = (BroadsheetFetcher *)object;

  g_clear_pointer (&self->not_before, g_hash_table_unref);

  G_OBJECT_CLASS (broadsheet_fetcher_parent_class)->finalize (object);
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
  object_class->finalize = broadsheet_fetcher_finalize;
  object_class->get_property = broadsheet_fetcher_get_property;
  object_class->set_property = broadsheet_fetcher_set_property;

  /* The body is collected in a GByteArray, whose length is a guint. */
  properties[PROP_MAX_SIZE] =
    g_param_spec_uint64 ("max-size", NULL, NULL,
                         1, G_MAXUINT, BROADSHEET_FETCHER_DEFAULT_MAX_SIZE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       0, G_MAXUINT, BROADSHEET_FETCHER_DEFAULT_TIMEOUT,
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
                                "timeout", BROADSHEET_FETCHER_DEFAULT_TIMEOUT,
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
  g_return_if_fail (max_size > 0 && max_size <= G_MAXUINT);

  if (self->max_size != max_size)
    {
      self->max_size = max_size;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_SIZE]);
    }
}

/* Sets how many seconds connecting, or a silent server, may take; 0 waits
 * for ever. It applies to connections made afterwards.
 */
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
  GUri         *uri;            /* The address being asked; it changes on redirects. */
  char         *etag;
  char         *last_modified;
  SoupMessage  *message;
  GInputStream *stream;
  guint         n_redirects;
} Fetch;

/* Closing a body stream that was not read to its end makes libsoup finish
 * the message without reading the rest, and drop the connection.
 */
static void
fetch_close (Fetch *fetch)
{
  if (fetch->stream != NULL)
    {
      g_input_stream_close (fetch->stream, NULL, NULL);
      g_clear_object (&fetch->stream);
    }
  g_clear_object (&fetch->message);
}

static void
fetch_free (gpointer data)
{
  Fetch *fetch = data;

  fetch_close (fetch);
  g_clear_pointer (&fetch->uri, g_uri_unref);
  g_free (fetch->etag);
  g_free (fetch->last_modified);
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

/* Turns a transport error, which it takes, into one in words. */
static GError *
describe_error (Fetch    *fetch,
                GError   *error,
                gboolean  in_body)
{
  gboolean bad_certificate = fetch->message != NULL &&
                             soup_message_get_tls_peer_certificate_errors (fetch->message) != 0;

  return _broadsheet_fetch_error_describe (host_of (fetch), error, in_body, bad_certificate);
}

/* Ends the fetch with @error, which it takes, and lets the connection go. */
static void
return_error (GTask  *task,
              GError *error)
{
  fetch_close (g_task_get_task_data (task));
  g_task_return_error (task, error);
}

static void
return_result (GTask                 *task,
               BroadsheetFetchResult *result)
{
  fetch_close (g_task_get_task_data (task));
  g_task_return_pointer (task, result, (GDestroyNotify)broadsheet_fetch_result_free);
}

/* A 429: keeps every request to that host off the network until the time
 * the server gave, or for five minutes.
 */
static GError *
rate_limited (BroadsheetFetcher *self,
              Fetch             *fetch)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) when = NULL;

  when = _broadsheet_fetch_parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"),
                                              now);
  g_hash_table_replace (self->not_before, g_ascii_strdown (host_of (fetch), -1),
                        g_date_time_ref (when));
  return _broadsheet_fetch_error_waiting (host_of (fetch), when, TRUE);
}

static GError *
http_error (BroadsheetFetcher *self,
            Fetch             *fetch,
            guint              status)
{
  /* Too Many Requests; libsoup 3.2 has no name for it. */
  if (status == 429)
    return rate_limited (self, fetch);
  return _broadsheet_fetch_error_status (host_of (fetch), status);
}

/* Fails while @uri's host is inside a Retry-After window. */
static gboolean
check_rate_limit (BroadsheetFetcher  *self,
                  GUri               *uri,
                  GError            **error)
{
  g_autofree char *host = g_ascii_strdown (g_uri_get_host (uri), -1);
  GDateTime *not_before = g_hash_table_lookup (self->not_before, host);
  g_autoptr(GDateTime) now = NULL;

  if (not_before == NULL)
    return TRUE;

  now = g_date_time_new_now_utc ();
  if (g_date_time_compare (now, not_before) >= 0)
    {
      g_hash_table_remove (self->not_before, host);
      return TRUE;
    }

  g_propagate_error (error, _broadsheet_fetch_error_waiting (g_uri_get_host (uri), not_before,
                                                            FALSE));
  return FALSE;
}

static void
body_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BroadsheetFetcher *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  g_autoptr(GBytes) bytes = NULL;
  BroadsheetFetchResult *fetched;
  GError *error = NULL;

  bytes = broadsheet_http_read_body_finish (result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, BROADSHEET_HTTP_BODY_ERROR, BROADSHEET_HTTP_BODY_ERROR_TOO_LARGE))
        return_error (task, _broadsheet_fetch_error_too_large (host_of (fetch), self->max_size));
      else if (g_error_matches (error, BROADSHEET_HTTP_BODY_ERROR, BROADSHEET_HTTP_BODY_ERROR_TRUNCATED))
        return_error (task, _broadsheet_fetch_error_truncated (host_of (fetch)));
      else
        return_error (task, describe_error (fetch, g_steal_pointer (&error), TRUE));
      g_clear_error (&error);
      return;
    }

  fetched = g_new0 (BroadsheetFetchResult, 1);
  fetched->bytes = g_steal_pointer (&bytes);
  fetched->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  fetched->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  fetched->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  fetched->final_uri = g_uri_to_string (fetch->uri);
  return_result (task, fetched);
}

static gboolean
is_web_page (const char *content_type)
{
  return content_type != NULL &&
         (g_ascii_strcasecmp (content_type, "text/html") == 0 ||
          g_ascii_strcasecmp (content_type, "application/xhtml+xml") == 0);
}

static void send_message (GTask *task);

/* Follows a redirect with a new message; returns %FALSE when the response
 * has no Location to follow.
 */
static gboolean
follow_redirect (GTask *task)
{
  BroadsheetFetcher *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;
  GError *error = NULL;

  if (location == NULL || *location == '\0')
    return FALSE;

  if (++fetch->n_redirects > BROADSHEET_FETCHER_MAX_REDIRECTS)
    {
      return_error (task, _broadsheet_fetch_error_redirects (host_of (fetch)));
      return TRUE;
    }

  target = g_uri_parse_relative (fetch->uri, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL || !is_web_uri (target))
    {
      return_error (task, g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_UNSUPPORTED,
                                       _("%s sent Broadsheet to an address that is not http or "
                                         "https, so it did not follow"), host_of (fetch)));
      return TRUE;
    }

  if (!check_rate_limit (self, target, &error))
    {
      return_error (task, error);
      return TRUE;
    }

  fetch_close (fetch);
  g_uri_unref (fetch->uri);
  fetch->uri = g_steal_pointer (&target);
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
  GError *error = NULL;
  guint status;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (fetch->stream == NULL)
    {
      return_error (task, describe_error (fetch, error, FALSE));
      return;
    }

  status = soup_message_get_status (fetch->message);
  headers = soup_message_get_response_headers (fetch->message);

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      BroadsheetFetchResult *unchanged = g_new0 (BroadsheetFetchResult, 1);
      const char *etag = soup_message_headers_get_one (headers, "ETag");
      const char *last_modified = soup_message_headers_get_one (headers, "Last-Modified");

      /* A 304 need not repeat the validators; keep the ones that matched. */
      unchanged->not_modified = TRUE;
      unchanged->etag = g_strdup (etag != NULL ? etag : fetch->etag);
      unchanged->last_modified = g_strdup (last_modified != NULL ? last_modified
                                                                 : fetch->last_modified);
      unchanged->final_uri = g_uri_to_string (fetch->uri);
      return_result (task, unchanged);
      return;
    }

  if (broadsheet_http_is_redirect (status) && follow_redirect (task))
    return;

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      return_error (task, http_error (self, fetch, status));
      return;
    }

  if (is_web_page (soup_message_headers_get_content_type (headers, NULL)))
    {
      return_error (task, g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_WEB_PAGE,
                                       _("This address on %s is a web page, not a feed: look on "
                                         "the site for a link to its JSON feed"), host_of (fetch)));
      return;
    }

  broadsheet_http_read_body_async (fetch->message, fetch->stream, self->max_size,
                                   g_task_get_cancellable (task), body_read_cb, g_object_ref (task));
}

static void
send_message (GTask *task)
{
  BroadsheetFetcher *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  fetch->message = soup_message_new_from_uri (SOUP_METHOD_GET, fetch->uri);
  /* Redirects are followed in follow_redirect(), to count and check them. */
  soup_message_add_flags (fetch->message, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (fetch->message);
  soup_message_headers_replace (headers, "Accept", ACCEPT);
  if (fetch->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", fetch->etag);
  if (fetch->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", fetch->last_modified);

  soup_session_send_async (self->session, fetch->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), send_cb, g_object_ref (task));
}

/* Fetches @uri, conditionally when @etag or @last_modified (from an earlier
 * result) are given. Only http and https are fetched; a host that answered
 * 429 is not asked again before the time it gave.
 */
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
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, broadsheet_fetcher_fetch_async);

  parsed = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, NULL);
  if (parsed == NULL)
    {
      g_task_return_new_error (task, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_UNSUPPORTED,
                               _("“%s” is not a web address: check it"), uri);
      return;
    }

  if (!is_web_uri (parsed))
    {
      g_autofree char *shown = g_uri_to_string_partial (parsed, G_URI_HIDE_USERINFO);

      g_task_return_new_error (task, BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_UNSUPPORTED,
                               _("Broadsheet loads feeds from http and https addresses only, "
                                 "so it cannot load %s"), shown);
      return;
    }

  if (!check_rate_limit (self, parsed, &error))
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

/* Returns: (transfer full): the response, or %NULL with @error set in
 * BROADSHEET_FETCH_ERROR, or G_IO_ERROR_CANCELLED.
 */
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
