/* broadsheet-fetch-errors.c
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

/* What the fetcher says when a fetch fails: each error names the server,
 * says what happened and what the user can do. Also reads Retry-After.
 */

#define MIB (1024 * 1024)
#define DEFAULT_RETRY_AFTER (5 * 60)
#define MAX_RETRY_AFTER (24 * 60 * 60)

GError *
_broadsheet_fetch_error_redirects (const char *host)
{
  return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TOO_MANY_REDIRECTS,
                      _("%s redirected Broadsheet too many times: the address of the feed may "
                        "have changed, look for it on the site"), host);
}

GError *
_broadsheet_fetch_error_truncated (const char *host)
{
  return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TRUNCATED,
                      _("The connection to %s ended before the whole feed arrived: try again "
                        "later"), host);
}

static GError *
certificate (const char *host)
{
  return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TLS,
                      _("The security certificate of %s is not valid, so Broadsheet did not "
                        "load the feed"), host);
}

static gboolean
is_connection_lost (const GError *error)
{
  /* G_IO_ERROR_BROKEN_PIPE has the value of G_IO_ERROR_CONNECTION_CLOSED. */
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE);
}

/* Turns an error from GIO or libsoup into one that says what happened and
 * what to do; takes @error. @in_body tells whether the headers had come.
 * Cancelling is passed on unchanged.
 */
GError *
_broadsheet_fetch_error_describe (const char *host,
                                  GError     *error,
                                  gboolean    in_body,
                                  gboolean    bad_certificate)
{
  GError *described;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;

  g_debug ("Fetching from %s failed: %s (%s, %d)",
           host, error->message, g_quark_to_string (error->domain), error->code);

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
                             _("Could not reach %s: check that you are connected to the "
                               "internet"), host);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    described = g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TIMED_OUT,
                             _("%s did not answer in time: try again later"), host);
  else if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_UNAVAILABLE))
    described = g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TLS,
                             _("Broadsheet cannot make secure connections on this system, so it "
                               "did not load the feed from %s"), host);
  else if (error->domain == G_TLS_ERROR || bad_certificate)
    described = certificate (host);
  else if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_TOO_MANY_REDIRECTS))
    described = _broadsheet_fetch_error_redirects (host);
  else if (in_body && is_connection_lost (error))
    described = _broadsheet_fetch_error_truncated (host);
  else if (is_connection_lost (error))
    described = g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_NETWORK,
                             _("%s closed the connection without answering: try again later"),
                             host);
  else if (error->domain == SOUP_SESSION_ERROR)
    described = g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_HTTP,
                             _("%s sent an answer Broadsheet could not read: try again later"),
                             host);
  else
    described = g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_NETWORK,
                             _("Could not load the feed from %s: %s"), host, error->message);

  g_error_free (error);
  return described;
}

static char *
format_local_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  return g_date_time_format (local, "%H:%M");
}

/* Retry-After is a number of seconds or an HTTP date. */
GDateTime *
_broadsheet_fetch_parse_retry_after (const char *value,
                                     GDateTime  *now)
{
  g_autoptr(GDateTime) when = NULL;
  guint64 seconds;

  if (value == NULL)
    return g_date_time_add_seconds (now, DEFAULT_RETRY_AFTER);

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &seconds, NULL))
    return g_date_time_add_seconds (now, MIN (seconds, MAX_RETRY_AFTER));

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return g_date_time_add_seconds (now, DEFAULT_RETRY_AFTER);

  if (g_date_time_compare (when, now) < 0)
    return g_date_time_ref (now);
  if (g_date_time_difference (when, now) > (GTimeSpan)MAX_RETRY_AFTER * G_TIME_SPAN_SECOND)
    return g_date_time_add_seconds (now, MAX_RETRY_AFTER);

  return g_steal_pointer (&when);
}

GError *
_broadsheet_fetch_error_waiting (const char *host,
                                 GDateTime  *until,
                                 gboolean    just_asked)
{
  g_autofree char *at = format_local_time (until);

  if (just_asked)
    return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_RATE_LIMITED,
                        _("%s asked Broadsheet to wait (HTTP 429): it will try again after %s"),
                        host, at);
  return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_RATE_LIMITED,
                      _("%s asked Broadsheet to wait: it will try again after %s"), host, at);
}

GError *
_broadsheet_fetch_error_status (const char *host,
                                guint       status)
{
  if (status == SOUP_STATUS_NOT_FOUND)
    return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_NOT_FOUND,
                        _("The feed was not found on %s (HTTP 404): check the address"), host);

  if (status == SOUP_STATUS_GONE)
    return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_GONE,
                        _("The feed has been removed from %s (HTTP 410): you can remove it "
                          "from Broadsheet"), host);

  if (SOUP_STATUS_IS_SERVER_ERROR (status))
    return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_SERVER,
                        _("%s had a problem (HTTP %u): try again later"), host, status);

  if (SOUP_STATUS_IS_CLIENT_ERROR (status))
    return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_HTTP,
                        _("%s refused to send the feed (HTTP %u): check the address"),
                        host, status);

  return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_HTTP,
                      _("%s sent an answer Broadsheet does not understand (HTTP %u)"),
                      host, status);
}

GError *
_broadsheet_fetch_error_too_large (const char *host,
                                   gsize       max_size)
{
  g_autofree char *cap = NULL;

  if (max_size % MIB == 0)
    cap = g_strdup_printf (_("%u MiB"), (guint)(max_size / MIB));
  else
    cap = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  return g_error_new (BROADSHEET_FETCH_ERROR, BROADSHEET_FETCH_ERROR_TOO_LARGE,
                      _("The feed from %s is larger than %s, so Broadsheet did not load it"),
                      host, cap);
}
