/* broadsheet-fetcher.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define BROADSHEET_FETCH_ERROR (broadsheet_fetch_error_quark ())

typedef enum
{
  BROADSHEET_FETCH_ERROR_HTTP,               /* 4xx other than below, or an unreadable response. */
  BROADSHEET_FETCH_ERROR_NOT_FOUND,          /* 404. */
  BROADSHEET_FETCH_ERROR_GONE,               /* 410. */
  BROADSHEET_FETCH_ERROR_RATE_LIMITED,       /* 429, or a host still inside its Retry-After window. */
  BROADSHEET_FETCH_ERROR_SERVER,             /* 5xx. */
  BROADSHEET_FETCH_ERROR_TOO_LARGE,          /* The body is over the size cap. */
  BROADSHEET_FETCH_ERROR_WEB_PAGE,           /* A text/html or application/xhtml+xml response. */
  BROADSHEET_FETCH_ERROR_TOO_MANY_REDIRECTS,
  BROADSHEET_FETCH_ERROR_TRUNCATED,          /* The connection closed before the whole body came. */
  BROADSHEET_FETCH_ERROR_NETWORK,            /* DNS failure, refused, unreachable. */
  BROADSHEET_FETCH_ERROR_TIMED_OUT,
  BROADSHEET_FETCH_ERROR_TLS,                /* A certificate or handshake problem. */
  BROADSHEET_FETCH_ERROR_UNSUPPORTED,        /* Not http or https. */
} BroadsheetFetchError;

GQuark broadsheet_fetch_error_quark (void);

typedef struct
{
  gboolean  not_modified;   /* 304: nothing new; bytes is NULL. */
  GBytes   *bytes;          /* The body, at most max-size bytes. */
  char     *etag;           /* From the response, or NULL; on a 304 without one, the one sent. */
  char     *last_modified;  /* The Last-Modified header as sent by the server (on a 304 without
                             * one, the If-Modified-Since sent), or NULL. */
  char     *content_type;   /* The media type without parameters, or NULL. */
  char     *final_uri;      /* After redirects. */
} BroadsheetFetchResult;

void broadsheet_fetch_result_free (BroadsheetFetchResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BroadsheetFetchResult, broadsheet_fetch_result_free)

#define BROADSHEET_FETCHER_DEFAULT_MAX_SIZE (32 * 1024 * 1024)
#define BROADSHEET_FETCHER_DEFAULT_TIMEOUT 30
#define BROADSHEET_FETCHER_MAX_REDIRECTS 5

#define BROADSHEET_TYPE_FETCHER (broadsheet_fetcher_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetFetcher, broadsheet_fetcher, BROADSHEET, FETCHER, GObject)

BroadsheetFetcher     *broadsheet_fetcher_new          (void);
SoupSession           *broadsheet_fetcher_get_session  (BroadsheetFetcher    *self);
void                   broadsheet_fetcher_set_max_size (BroadsheetFetcher    *self,
                                                        gsize                 max_size);
void                   broadsheet_fetcher_set_timeout  (BroadsheetFetcher    *self,
                                                        guint                 seconds);
void                   broadsheet_fetcher_fetch_async  (BroadsheetFetcher    *self,
                                                        const char           *uri,
                                                        const char           *etag,
                                                        const char           *last_modified,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
BroadsheetFetchResult *broadsheet_fetcher_fetch_finish (BroadsheetFetcher    *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

G_END_DECLS
