/* broadsheet-image-errors.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-image-loader-private.h"

/* What the image loader says when a photo cannot be shown: each error names
 * where the photo came from (the server, or the file) and what happened.
 */

#define MIB (1024 * 1024)

G_DEFINE_QUARK (broadsheet-image-error-quark, broadsheet_image_error)

/* Returns the host of a web address, or the file name of a local one. */
char *
_broadsheet_image_source_name (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  g_autofree char *path = NULL;

  if (host != NULL && *host != '\0')
    return g_strdup (host);

  path = g_uri_unescape_string (g_uri_get_path (uri), NULL);
  if (path == NULL || *path == '\0')
    return g_strdup (g_uri_get_path (uri));

  return g_path_get_basename (path);
}

/* An address that is not http, https, file or resource, or no address. */
GError *
_broadsheet_image_error_address (const char *uri)
{
  g_autofree char *scheme = uri != NULL ? g_uri_parse_scheme (uri) : NULL;

  if (scheme == NULL)
    return g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_UNSUPPORTED_ADDRESS,
                        _("The address of this photo is not valid, so Broadsheet did not "
                          "load it"));

  return g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_UNSUPPORTED_ADDRESS,
                      _("Broadsheet does not load photos from “%s:” addresses"), scheme);
}

GError *
_broadsheet_image_error_redirect_scheme (const char *host)
{
  return g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_UNSUPPORTED_ADDRESS,
                      _("%s sent Broadsheet to a photo address that is not http or https, so it "
                        "did not follow"), host);
}

GError *
_broadsheet_image_error_offline (const char *host)
{
  return g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_UNSUPPORTED_ADDRESS,
                      _("Broadsheet is not downloading photos here, so the photo from %s was not "
                        "loaded"), host);
}

GError *
_broadsheet_image_error_too_large (const char *source,
                                   gsize       limit)
{
  g_autofree char *cap = NULL;

  if (limit % MIB == 0)
    cap = g_strdup_printf (_("%u MiB"), (guint)(limit / MIB));
  else
    cap = g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);

  return g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_TOO_LARGE,
                      _("The photo from %s is larger than %s, so Broadsheet did not load it"),
                      source, cap);
}

GError *
_broadsheet_image_error_too_many_pixels (const char *source,
                                         int         width,
                                         int         height)
{
  return g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_TOO_MANY_PIXELS,
                      /* Translators: the first %d is a width, the second a height, in pixels. */
                      _("The photo from %s says it is %d × %d pixels, more than Broadsheet opens "
                        "safely, so it was not shown"), source, width, height);
}

GError *
_broadsheet_image_error_damaged (const char *source)
{
  return g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_NOT_AN_IMAGE,
                      _("The photo from %s is damaged or incomplete"), source);
}

GError *
_broadsheet_image_error_unknown_format (const char *source)
{
  return g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_NOT_AN_IMAGE,
                      _("What %s sent is not a photo Broadsheet can show"), source);
}

GError *
_broadsheet_image_error_status (const char *host,
                                guint       status,
                                const char *reason)
{
  const char *phrase = soup_status_get_phrase (status);

  if (phrase == NULL || *phrase == '\0')
    phrase = reason != NULL ? reason : "";

  return g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_HTTP,
                      /* Translators: a host, then an HTTP status such as “404 Not Found”. */
                      _("The photo server (%s) answered %u %s"), host, status, phrase);
}

GError *
_broadsheet_image_error_redirects (const char *host)
{
  return g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_HTTP,
                      _("%s redirected Broadsheet too many times, so the photo was not loaded"),
                      host);
}

GError *
_broadsheet_image_error_truncated (const char *host)
{
  return g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_FAILED,
                      _("The connection to %s ended before the whole photo arrived: try again "
                        "later"), host);
}

static gboolean
is_connection_lost (const GError *error)
{
  /* G_IO_ERROR_BROKEN_PIPE has the value of G_IO_ERROR_CONNECTION_CLOSED. */
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE);
}

/* Turns an error from GIO or libsoup into one in words; takes @error.
 * Cancelling is passed on unchanged.
 */
GError *
_broadsheet_image_error_network (const char *host,
                                 GError     *error,
                                 gboolean    bad_certificate)
{
  GError *described;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;

  g_debug ("Loading a photo from %s failed: %s (%s, %d)",
           host, error->message, g_quark_to_string (error->domain), error->code);

  if (error->domain == G_RESOLVER_ERROR)
    described = g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_FAILED,
                             _("Could not find the photo server %s: check your connection"),
                             host);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    described = g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_FAILED,
                             _("The photo server %s refused the connection: try again later"),
                             host);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    described = g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_FAILED,
                             _("Could not reach the photo server %s: check that you are "
                               "connected to the internet"), host);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    described = g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_FAILED,
                             _("The photo server %s did not answer in time: try again later"),
                             host);
  else if (error->domain == G_TLS_ERROR || bad_certificate)
    described = g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_FAILED,
                             _("Broadsheet could not make a secure connection to %s, so it did "
                               "not load the photo"), host);
  else if (is_connection_lost (error))
    described = _broadsheet_image_error_truncated (host);
  else
    described = g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_FAILED,
                             _("Could not load the photo from %s: %s"), host, error->message);

  g_error_free (error);
  return described;
}

/* A file or resource that could not be read; takes @error. */
GError *
_broadsheet_image_error_file (const char *source,
                              GError     *error)
{
  GError *described;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;

  described = g_error_new (BROADSHEET_IMAGE_ERROR, BROADSHEET_IMAGE_ERROR_FAILED,
                           _("Could not read the photo “%s”: %s"), source, error->message);
  g_error_free (error);
  return described;
}
