/* broadsheet-http-body.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-http-body.h"

/* What the feed fetcher and the photo loader share of an HTTP response:
 * which statuses are redirects, and reading a body with a size cap, checked
 * against Content-Length before a byte is read and again as it streams, and
 * refused when it stops short of its Content-Length. Callers word the
 * errors for what they fetch.
 */

#define CHUNK_SIZE (64 * 1024)

G_DEFINE_QUARK (broadsheet-http-body-error-quark, broadsheet_http_body_error)

typedef struct
{
  GInputStream *stream;
  GByteArray   *body;
  guint64       max_size;
  goffset       expected_size;  /* From Content-Length, or -1. */
} ReadBody;

static void
read_body_free (gpointer data)
{
  ReadBody *read = data;

  g_clear_object (&read->stream);
  g_clear_pointer (&read->body, g_byte_array_unref);
  g_free (read);
}

gboolean
broadsheet_http_is_redirect (guint status)
{
  return status == SOUP_STATUS_MOVED_PERMANENTLY ||
         status == SOUP_STATUS_FOUND ||
         status == SOUP_STATUS_SEE_OTHER ||
         status == SOUP_STATUS_TEMPORARY_REDIRECT ||
         status == SOUP_STATUS_PERMANENT_REDIRECT;
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReadBody *read = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;
  gsize size;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  size = g_bytes_get_size (chunk);
  if (size == 0)
    {
      /* libsoup 3.2 ends a Content-Length body that stops short with a plain
       * end of stream, not G_IO_ERROR_PARTIAL_INPUT.
       */
      if (read->expected_size >= 0 && (guint64)read->body->len < (guint64)read->expected_size)
        g_task_return_new_error (task, BROADSHEET_HTTP_BODY_ERROR, BROADSHEET_HTTP_BODY_ERROR_TRUNCATED,
                                 "The body stopped at %u of %" G_GINT64_FORMAT " bytes",
                                 read->body->len, (gint64)read->expected_size);
      else
        g_task_return_pointer (task, g_byte_array_free_to_bytes (g_steal_pointer (&read->body)),
                               (GDestroyNotify)g_bytes_unref);
      return;
    }

  if ((guint64)read->body->len + size > read->max_size)
    {
      g_task_return_new_error (task, BROADSHEET_HTTP_BODY_ERROR, BROADSHEET_HTTP_BODY_ERROR_TOO_LARGE,
                               "The body is over %" G_GUINT64_FORMAT " bytes", read->max_size);
      return;
    }

  g_byte_array_append (read->body, g_bytes_get_data (chunk, NULL), size);
  g_input_stream_read_bytes_async (read->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), read_cb, g_object_ref (task));
}

/* Reads the body of @message's response from @stream, at most @max_size
 * bytes. @message may be %NULL (a local file): then no Content-Length.
 */
void
broadsheet_http_read_body_async (SoupMessage         *message,
                                 GInputStream        *stream,
                                 guint64              max_size,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadBody *read = g_new0 (ReadBody, 1);
  goffset content_length = -1;

  g_task_set_source_tag (task, broadsheet_http_read_body_async);
  g_task_set_task_data (task, read, read_body_free);
  read->stream = g_object_ref (stream);
  read->max_size = max_size;
  read->expected_size = -1;

  if (message != NULL)
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (message);
      const char *content_encoding = soup_message_headers_get_one (headers, "Content-Encoding");

      if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
        content_length = soup_message_headers_get_content_length (headers);
      /* Content-Length counts the bytes as sent; with a Content-Encoding the
       * stream gives them decoded, and only the cap applies.
       */
      if (content_encoding == NULL || g_ascii_strcasecmp (content_encoding, "identity") == 0)
        read->expected_size = content_length;
    }

  if (content_length > 0 && (guint64)content_length > max_size)
    {
      g_task_return_new_error (task, BROADSHEET_HTTP_BODY_ERROR, BROADSHEET_HTTP_BODY_ERROR_TOO_LARGE,
                               "The body is %" G_GINT64_FORMAT " bytes, over %" G_GUINT64_FORMAT,
                               (gint64)content_length, max_size);
      return;
    }

  read->body = g_byte_array_sized_new (content_length > 0 ? (guint)content_length : CHUNK_SIZE);
  g_input_stream_read_bytes_async (stream, CHUNK_SIZE, G_PRIORITY_DEFAULT, cancellable, read_cb,
                                   g_steal_pointer (&task));
}

/* Returns: (transfer full): the body, or %NULL with a
 * BROADSHEET_HTTP_BODY_ERROR or the stream's own error.
 */
GBytes *
broadsheet_http_read_body_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
