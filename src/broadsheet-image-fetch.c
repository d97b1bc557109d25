/* broadsheet-image-fetch.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-http-body.h"
#include "broadsheet-image-loader-private.h"

/* Gets the bytes of a photo, from the web through the app's SoupSession or
 * from a file or the app's resources, as the fetcher gets feeds:
 *
 *  - redirects followed here, at most BROADSHEET_IMAGE_LOADER_MAX_REDIRECTS
 *    and to http and https only;
 *  - a Content-Length over the size cap refused before the body is read,
 *    and the body read in 64 KiB chunks and refused past the cap;
 *  - a body shorter than its Content-Length is an error, never half a photo;
 *  - cancelling stops the transfer and drops the connection.
 */


typedef struct
{
  SoupSession  *session;
  GUri         *uri;            /* It changes on redirects. */
  char         *source;         /* The host or file name, for errors. */
  gboolean      local;
  gsize         max_size;
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
  g_clear_object (&fetch->session);
  g_clear_pointer (&fetch->uri, g_uri_unref);
  g_free (fetch->source);
  g_free (fetch);
}

static gboolean
is_web_uri (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && *host != '\0';
}

static gboolean
has_format (const char *mime_type)
{
  GSList *formats = gdk_pixbuf_get_formats ();
  gboolean found = FALSE;

  for (GSList *l = formats; l != NULL && !found; l = l->next)
    {
      g_auto(GStrv) mime_types = gdk_pixbuf_format_get_mime_types (l->data);

      found = mime_types != NULL && g_strv_contains ((const char * const *)mime_types, mime_type);
    }

  g_slist_free (formats);
  return found;
}

/* The formats the decoder takes come first; WebP only with a loader for it. */
static const char *
accept_header (void)
{
  static const char *accept;

  if (g_once_init_enter (&accept))
    g_once_init_leave (&accept,
                       has_format ("image/webp")
                       ? "image/webp, image/png, image/jpeg, image/gif, image/*;q=0.5"
                       : "image/png, image/jpeg, image/gif, image/*;q=0.5");

  return accept;
}

/* Ends the fetch with @error, which it takes, and lets the connection go. */
static void
return_error (GTask  *task,
              GError *error)
{
  fetch_close (g_task_get_task_data (task));
  g_task_return_error (task, error);
}

static GError *
describe_error (Fetch  *fetch,
                GError *error)
{
  gboolean bad_certificate;

  if (fetch->local)
    return _broadsheet_image_error_file (fetch->source, error);

  bad_certificate = fetch->message != NULL &&
                    soup_message_get_tls_peer_certificate_errors (fetch->message) != 0;
  return _broadsheet_image_error_network (fetch->source, error, bad_certificate);
}

static void
body_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GBytes *bytes;
  GError *error = NULL;

  bytes = broadsheet_http_read_body_finish (result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, BROADSHEET_HTTP_BODY_ERROR, BROADSHEET_HTTP_BODY_ERROR_TOO_LARGE))
        return_error (task, _broadsheet_image_error_too_large (fetch->source, fetch->max_size));
      else if (g_error_matches (error, BROADSHEET_HTTP_BODY_ERROR, BROADSHEET_HTTP_BODY_ERROR_TRUNCATED))
        return_error (task, _broadsheet_image_error_truncated (fetch->source));
      else
        return_error (task, describe_error (fetch, g_steal_pointer (&error)));
      g_clear_error (&error);
      return;
    }

  fetch_close (fetch);
  g_task_return_pointer (task, bytes, (GDestroyNotify)g_bytes_unref);
}

/* A file has no Content-Length to check against; @message is %NULL then. */
static void
read_body (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  broadsheet_http_read_body_async (fetch->message, fetch->stream, fetch->max_size,
                                   g_task_get_cancellable (task), body_read_cb, g_object_ref (task));
}

static void send_message (GTask *task);

/* Follows a redirect with a new message; returns %FALSE when the response
 * has no Location to follow.
 */
static gboolean
follow_redirect (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;

  if (location == NULL || *location == '\0')
    return FALSE;

  if (++fetch->n_redirects > BROADSHEET_IMAGE_LOADER_MAX_REDIRECTS)
    {
      return_error (task, _broadsheet_image_error_redirects (fetch->source));
      return TRUE;
    }

  target = g_uri_parse_relative (fetch->uri, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL || !is_web_uri (target))
    {
      return_error (task, _broadsheet_image_error_redirect_scheme (fetch->source));
      return TRUE;
    }

  fetch_close (fetch);
  g_uri_unref (fetch->uri);
  fetch->uri = g_steal_pointer (&target);
  g_free (fetch->source);
  fetch->source = _broadsheet_image_source_name (fetch->uri);
  send_message (task);
  return TRUE;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GError *error = NULL;
  guint status;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (fetch->stream == NULL)
    {
      return_error (task, describe_error (fetch, error));
      return;
    }

  status = soup_message_get_status (fetch->message);
  if (broadsheet_http_is_redirect (status) && follow_redirect (task))
    return;

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      return_error (task, _broadsheet_image_error_status (fetch->source, status,
                                                          soup_message_get_reason_phrase (
                                                            fetch->message)));
      return;
    }

  read_body (task);
}

static void
send_message (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  fetch->message = soup_message_new_from_uri (SOUP_METHOD_GET, fetch->uri);
  /* Redirects are followed in follow_redirect(), to count and check them. */
  soup_message_add_flags (fetch->message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (fetch->message),
                                "Accept", accept_header ());

  soup_session_send_async (fetch->session, fetch->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), send_cb, g_object_ref (task));
}

static void
file_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GError *error = NULL;

  fetch->stream = G_INPUT_STREAM (g_file_read_finish (G_FILE (object), result, &error));
  if (fetch->stream == NULL)
    {
      return_error (task, describe_error (fetch, error));
      return;
    }

  read_body (task);
}

/* Reads @uri, an http, https, file or resource address, whole; other
 * schemes are for the caller to refuse. Fails in BROADSHEET_IMAGE_ERROR, or
 * with G_IO_ERROR_CANCELLED.
 */
void
_broadsheet_image_fetch_async (SoupSession         *session,
                               GUri                *uri,
                               gsize                max_size,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Fetch *fetch;

  g_return_if_fail (session == NULL || SOUP_IS_SESSION (session));
  g_return_if_fail (uri != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, _broadsheet_image_fetch_async);

  fetch = g_new0 (Fetch, 1);
  fetch->session = session != NULL ? g_object_ref (session) : NULL;
  fetch->uri = g_uri_ref (uri);
  fetch->source = _broadsheet_image_source_name (uri);
  fetch->local = !is_web_uri (uri);
  fetch->max_size = max_size;
  g_task_set_task_data (task, fetch, fetch_free);

  if (fetch->local)
    {
      g_autofree char *address = g_uri_to_string (uri);
      g_autoptr(GFile) file = g_file_new_for_uri (address);

      g_file_read_async (file, G_PRIORITY_DEFAULT, cancellable, file_read_cb,
                         g_object_ref (task));
    }
  else if (session == NULL)
    {
      g_task_return_error (task, _broadsheet_image_error_offline (fetch->source));
    }
  else
    {
      send_message (task);
    }
}

/* Returns: (transfer full): the body. */
GBytes *
_broadsheet_image_fetch_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        _broadsheet_image_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
