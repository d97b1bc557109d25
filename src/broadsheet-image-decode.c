/* broadsheet-image-decode.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <string.h>

#include "broadsheet-image-loader-private.h"
#include "broadsheet-parallel.h"

/* Decodes a photo on a worker thread, with GdkPixbufLoader, safely:
 *
 *  - only PNG, JPEG, GIF and (with a loader for it) WebP, told by their
 *    first bytes, so no other gdk-pixbuf loader ever sees data from the web;
 *  - the file's structure is walked first, and one that stops short is
 *    refused: gdk-pixbuf would show a truncated PNG or JPEG as half a photo;
 *  - the size the file declares is checked against the pixel limit in
 *    "size-prepared", before any pixel is decoded or allocated: asking for a
 *    0 × 0 image there is the documented way to make a loader stop;
 *  - the photo is decoded at the width asked for (JPEG decodes at a fraction
 *    of its size), never wider than it is, then turned by its EXIF
 *    orientation; the orientation of a JPEG is read first, so a photo taken
 *    on its side is decoded to the width it has once turned.
 */

#define FEED_SIZE (16 * 1024)

typedef enum
{
  FORMAT_UNKNOWN,
  FORMAT_PNG,
  FORMAT_JPEG,
  FORMAT_GIF,
  FORMAT_WEBP,
} Format;

static const char * const mime_types[] = {
  [FORMAT_PNG] = "image/png",
  [FORMAT_JPEG] = "image/jpeg",
  [FORMAT_GIF] = "image/gif",
  [FORMAT_WEBP] = "image/webp",
};

typedef struct
{
  GBytes   *bytes;
  char     *source;
  int       width;            /* The widest wanted, or 0. */
  guint64   max_pixels;

  gboolean  transposed;       /* The EXIF orientation swaps width and height. */

  gboolean  prepared;
  gboolean  refused;          /* Over the pixel limit, or empty. */
  int       declared_width;
  int       declared_height;
} Decode;

static void
decode_free (gpointer data)
{
  Decode *decode = data;

  g_clear_pointer (&decode->bytes, g_bytes_unref);
  g_free (decode->source);
  g_free (decode);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

static guint
read_be16 (const guint8 *p)
{
  return ((guint)p[0] << 8) | p[1];
}

static guint32
read_le32 (const guint8 *p)
{
  return ((guint32)p[3] << 24) | ((guint32)p[2] << 16) | ((guint32)p[1] << 8) | p[0];
}

static guint
read_16 (const guint8 *p,
         gboolean      little_endian)
{
  return little_endian ? ((guint)p[1] << 8) | p[0] : read_be16 (p);
}

static guint32
read_32 (const guint8 *p,
         gboolean      little_endian)
{
  return little_endian ? read_le32 (p) : read_be32 (p);
}

/* The Orientation tag (1 to 8) of the first IFD of a TIFF header, or 1. */
static guint
exif_orientation (const guint8 *tiff,
                  gsize         length)
{
  gboolean little_endian;
  guint32 ifd;
  guint n_entries;

  if (length < 8 || (memcmp (tiff, "II", 2) != 0 && memcmp (tiff, "MM", 2) != 0))
    return 1;

  little_endian = tiff[0] == 'I';
  ifd = read_32 (tiff + 4, little_endian);
  if (ifd > length - 2)
    return 1;

  n_entries = read_16 (tiff + ifd, little_endian);
  for (guint i = 0; i < n_entries; i++)
    {
      gsize entry = ifd + 2 + (gsize)i * 12;

      if (entry + 12 > length)
        break;
      if (read_16 (tiff + entry, little_endian) == 0x0112)
        {
          guint orientation = read_16 (tiff + entry + 8, little_endian);

          return orientation >= 1 && orientation <= 8 ? orientation : 1;
        }
    }

  return 1;
}

/* The EXIF orientation of a JPEG, from its APP1 segment, or 1. */
static guint
jpeg_orientation (const guint8 *data,
                  gsize         length)
{
  gsize offset = 2;

  while (offset + 4 <= length && data[offset] == 0xff)
    {
      guint8 marker = data[offset + 1];
      gsize segment = read_be16 (data + offset + 2);

      if (marker == 0xff)
        {
          offset++;
          continue;
        }
      if (marker == 0xda || marker == 0xd9 || segment < 2 || offset + 2 + segment > length)
        break;
      if (marker == 0xe1 && segment >= 16 && memcmp (data + offset + 4, "Exif\0\0", 6) == 0)
        return exif_orientation (data + offset + 10, segment - 8);

      offset += 2 + segment;
    }

  return 1;
}

static Format
sniff (const guint8 *data,
       gsize         length)
{
  if (length >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return FORMAT_PNG;
  if (length >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return FORMAT_JPEG;
  if (length >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return FORMAT_GIF;
  if (length >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return FORMAT_WEBP;
  return FORMAT_UNKNOWN;
}

/* Chunks of length, type, data and CRC, up to IEND. */
static gboolean
png_is_whole (const guint8 *data,
              gsize         length)
{
  gsize offset = 8;

  while (offset + 12 <= length)
    {
      guint32 chunk_length = read_be32 (data + offset);

      if (chunk_length > G_MAXINT32)
        return FALSE;
      if (memcmp (data + offset + 4, "IEND", 4) == 0)
        return TRUE;
      offset += 12 + (gsize)chunk_length;
    }

  return FALSE;
}

/* Segments up to EOI; after each start of scan, entropy-coded data in which
 * 0xFF is only ever followed by 0x00 (stuffing), a restart marker or fill.
 */
static gboolean
jpeg_is_whole (const guint8 *data,
               gsize         length)
{
  gsize offset = 2;

  while (offset + 2 <= length)
    {
      guint8 marker;

      if (data[offset] != 0xff)
        return FALSE;

      marker = data[offset + 1];
      if (marker == 0xff)
        {
          offset++;
          continue;
        }
      if (marker == 0xd9)
        return TRUE;
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          offset += 2;
          continue;
        }

      if (offset + 4 > length || read_be16 (data + offset + 2) < 2)
        return FALSE;
      offset += 2 + read_be16 (data + offset + 2);

      while (marker == 0xda && offset < length)
        {
          const guint8 *next = memchr (data + offset, 0xff, length - offset);
          guint8 after;

          if (next == NULL || (gsize)(next - data) + 1 >= length)
            return FALSE;

          offset = next - data;
          after = data[offset + 1];
          if (after == 0x00 || (after >= 0xd0 && after <= 0xd7))
            offset += 2;
          else if (after == 0xff)
            offset++;
          else
            break;
        }
    }

  return FALSE;
}

/* Skips sub-blocks: a size byte, that many bytes, until a size of 0. */
static gboolean
gif_skip_blocks (const guint8 *data,
                 gsize         length,
                 gsize        *offset)
{
  while (*offset < length)
    {
      guint8 size = data[*offset];

      *offset += 1 + size;
      if (size == 0)
        return TRUE;
    }

  return FALSE;
}

static gsize
gif_color_table_size (guint8 flags)
{
  return (flags & 0x80) != 0 ? 3 * ((gsize)1 << ((flags & 0x07) + 1)) : 0;
}

/* Header, screen, then extensions and images up to the trailer. */
static gboolean
gif_is_whole (const guint8 *data,
              gsize         length)
{
  gsize offset;

  if (length < 13)
    return FALSE;
  offset = 13 + gif_color_table_size (data[10]);

  while (offset < length)
    {
      switch (data[offset])
        {
        case 0x3b:
          return TRUE;

        case 0x21:
          offset += 2;
          if (!gif_skip_blocks (data, length, &offset))
            return FALSE;
          break;

        case 0x2c:
          if (offset + 10 > length)
            return FALSE;
          offset += 10 + gif_color_table_size (data[offset + 9]) + 1;
          if (!gif_skip_blocks (data, length, &offset))
            return FALSE;
          break;

        default:
          return FALSE;
        }
    }

  return FALSE;
}

static gboolean
is_whole (Format        format,
          const guint8 *data,
          gsize         length)
{
  switch (format)
    {
    case FORMAT_PNG:
      return png_is_whole (data, length);
    case FORMAT_JPEG:
      return jpeg_is_whole (data, length);
    case FORMAT_GIF:
      return gif_is_whole (data, length);
    case FORMAT_WEBP:
      return (guint64)read_le32 (data + 4) + 8 <= length;
    case FORMAT_UNKNOWN:
    default:
      return FALSE;
    }
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  Decode *decode = user_data;
  int shown_width;

  decode->prepared = TRUE;
  decode->declared_width = width;
  decode->declared_height = height;

  if (width <= 0 || height <= 0 || (guint64)width * (guint64)height > decode->max_pixels)
    {
      decode->refused = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  /* Scaled by the width it will have once turned. */
  shown_width = decode->transposed ? height : width;
  if (decode->width > 0 && shown_width > decode->width)
    {
      gint64 scaled_width = ((gint64)width * decode->width + shown_width / 2) / shown_width;
      gint64 scaled_height = ((gint64)height * decode->width + shown_width / 2) / shown_width;

      gdk_pixbuf_loader_set_size (loader, (int)MAX (scaled_width, 1),
                                  (int)MAX (scaled_height, 1));
    }
}

static GdkPixbuf *
decode_bytes (Decode        *decode,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (decode->bytes, &length);
  Format format = sniff (data, length);
  GdkPixbuf *pixbuf;
  gboolean closed;

  if (format == FORMAT_UNKNOWN)
    {
      g_propagate_error (error, _broadsheet_image_error_unknown_format (decode->source));
      return NULL;
    }

  if (!is_whole (format, data, length))
    {
      g_propagate_error (error, _broadsheet_image_error_damaged (decode->source));
      return NULL;
    }

  if (format == FORMAT_JPEG)
    decode->transposed = jpeg_orientation (data, length) >= 5;

  loader = gdk_pixbuf_loader_new_with_mime_type (mime_types[format], NULL);
  if (loader == NULL)
    {
      g_propagate_error (error, _broadsheet_image_error_unknown_format (decode->source));
      return NULL;
    }

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), decode);

  /* In pieces, so the header is read, and checked, before the pixels come. */
  for (gsize offset = 0; offset < length && !decode->refused; offset += FEED_SIZE)
    {
      if (g_cancellable_is_cancelled (cancellable) ||
          !gdk_pixbuf_loader_write (loader, data + offset, MIN (FEED_SIZE, length - offset),
                                    &local_error))
        break;
    }

  closed = gdk_pixbuf_loader_close (loader, local_error == NULL ? &local_error : NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (decode->refused && decode->declared_width > 0 && decode->declared_height > 0)
    {
      g_propagate_error (error, _broadsheet_image_error_too_many_pixels (decode->source,
                                                                         decode->declared_width,
                                                                         decode->declared_height));
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (!closed || local_error != NULL || decode->refused || !decode->prepared || pixbuf == NULL)
    {
      if (local_error != NULL)
        g_debug ("Could not decode the photo from %s: %s", decode->source, local_error->message);
      g_propagate_error (error, _broadsheet_image_error_damaged (decode->source));
      return NULL;
    }

  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (oriented == NULL)
    {
      g_propagate_error (error, _broadsheet_image_error_damaged (decode->source));
      return NULL;
    }

  /* Should the EXIF reader of gdk-pixbuf and the one here disagree. */
  if (decode->width > 0 && gdk_pixbuf_get_width (oriented) > decode->width)
    {
      int width = gdk_pixbuf_get_width (oriented);
      int height = gdk_pixbuf_get_height (oriented);
      gint64 scaled_height = ((gint64)height * decode->width + width / 2) / width;

      return gdk_pixbuf_scale_simple (oriented, decode->width, (int)MAX (scaled_height, 1),
                                      GDK_INTERP_BILINEAR);
    }

  return g_steal_pointer (&oriented);
}

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GdkPixbuf *pixbuf;

  pixbuf = decode_bytes (task_data, cancellable, &error);
  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

/* Decodes @bytes at most @width pixels wide (0: as wide as it is), refusing
 * one that declares more than @max_pixels. @source names where it came
 * from, for errors.
 */
void
_broadsheet_image_decode_async (GBytes              *bytes,
                                const char          *source,
                                int                  width,
                                guint64              max_pixels,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Decode *decode;

  g_return_if_fail (bytes != NULL);

  decode = g_new0 (Decode, 1);
  decode->bytes = g_bytes_ref (bytes);
  decode->source = g_strdup (source);
  decode->width = MAX (width, 0);
  decode->max_pixels = max_pixels;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, _broadsheet_image_decode_async);
  g_task_set_task_data (task, decode, decode_free);
  broadsheet_task_run_in_background (task, decode_thread);
}

/* Returns: (transfer full): the decoded photo, made on the worker thread and
 * not touched there again.
 */
GdkPixbuf *
_broadsheet_image_decode_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        _broadsheet_image_decode_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
