/* test-image-util.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "test-image-util.h"
#include "test-resolver.h"

/* Photos. Each has four coloured quadrants: red, green / blue, white. */

static const guint8 quadrant_colors[4][3] = {
  { 0xff, 0x00, 0x00 }, { 0x00, 0xff, 0x00 },
  { 0x00, 0x00, 0xff }, { 0xff, 0xff, 0xff },
};

static GdkPixbuf *
make_pixbuf (int width,
             int height)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        int quadrant = (y >= height / 2) * 2 + (x >= width / 2);

        memcpy (pixels + y * rowstride + x * 3, quadrant_colors[quadrant], 3);
      }

  return pixbuf;
}

static GBytes *
save (int         width,
      int         height,
      const char *type,
      ...)
{
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (width, height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;

  if (g_str_equal (type, "jpeg"))
    gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, type, &error, "quality", "90", NULL);
  else
    gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, type, &error, NULL);
  g_assert_no_error (error);

  return g_bytes_new_take (buffer, length);
}

GBytes *
test_image_png (int width,
                int height)
{
  return save (width, height, "png");
}

GBytes *
test_image_jpeg (int width,
                 int height)
{
  return save (width, height, "jpeg");
}

/* A JPEG with detail everywhere, which decodes about as slowly as a photo. */
GBytes *
test_image_detailed_jpeg (int width,
                          int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *pixel = pixels + y * rowstride + x * 3;
        guint32 noise = g_rand_int (rand);

        pixel[0] = (x * 255 / width + (noise & 0x0f)) & 0xff;
        pixel[1] = (y * 255 / height + ((noise >> 8) & 0x0f)) & 0xff;
        pixel[2] = (((x / 32) ^ (y / 32)) * 8 + ((noise >> 16) & 0x0f)) & 0xff;
      }

  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", &error, "quality", "85", NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, length);
}

/* Puts an EXIF block with just an Orientation tag after the JPEG's SOI. */
GBytes *
test_image_with_orientation (GBytes *jpeg,
                             guint   orientation)
{
  const guint8 exif[] = {
    0xff, 0xe1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,
    'I', 'I', 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00,        /* TIFF header, IFD at 8. */
    0x01, 0x00,                                          /* One entry: */
    0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00,      /* Orientation, SHORT, 1, */
    (guint8)orientation, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,                              /* no next IFD. */
  };
  gsize length;
  const guint8 *data = g_bytes_get_data (jpeg, &length);
  GByteArray *result = g_byte_array_new ();

  g_assert_cmpuint (length, >, 2);
  g_byte_array_append (result, data, 2);
  g_byte_array_append (result, exif, sizeof exif);
  g_byte_array_append (result, data + 2, length - 2);
  return g_byte_array_free_to_bytes (result);
}

static guint32
crc32 (const guint8 *data,
       gsize         length)
{
  static guint32 table[256];
  guint32 crc = 0xffffffff;

  if (table[1] == 0)
    for (guint32 n = 0; n < 256; n++)
      {
        guint32 c = n;

        for (int k = 0; k < 8; k++)
          c = (c & 1) != 0 ? 0xedb88320 ^ (c >> 1) : c >> 1;
        table[n] = c;
      }

  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);

  return crc ^ 0xffffffff;
}

static void
append_be32 (GByteArray *array,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (array, bytes, 4);
}

static void
append_chunk (GByteArray   *png,
              const char   *type,
              const guint8 *data,
              guint32       length)
{
  g_autoptr(GByteArray) typed = g_byte_array_new ();

  g_byte_array_append (typed, (const guint8 *)type, 4);
  g_byte_array_append (typed, data, length);

  append_be32 (png, length);
  g_byte_array_append (png, typed->data, typed->len);
  append_be32 (png, crc32 (typed->data, typed->len));
}

/* A valid PNG that declares @width × @height, with a few bytes of pixels. */
GBytes *
test_image_huge_png (guint32 width,
                     guint32 height)
{
  GByteArray *png = g_byte_array_new ();
  g_autoptr(GByteArray) header = g_byte_array_new ();
  const guint8 rest[] = { 8, 2, 0, 0, 0 };   /* 8 bits, RGB, deflate, no filter, no interlace. */
  /* The first row's filter byte and one pixel, compressed. */
  const guint8 idat[] = { 0x78, 0x9c, 0x63, 0x60, 0x60, 0x60, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01 };

  g_byte_array_append (png, (const guint8 *)"\x89PNG\r\n\x1a\n", 8);
  append_be32 (header, width);
  append_be32 (header, height);
  g_byte_array_append (header, rest, sizeof rest);
  append_chunk (png, "IHDR", header->data, header->len);
  append_chunk (png, "IDAT", idat, sizeof idat);
  append_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (png);
}

/* A GIF whose screen and only image are 60000 × 60000. */
GBytes *
test_image_huge_gif (void)
{
  static const guint8 gif[] = {
    'G', 'I', 'F', '8', '9', 'a', 0x60, 0xea, 0x60, 0xea, 0x80, 0, 0,
    0, 0, 0, 0xff, 0xff, 0xff,
    ',', 0, 0, 0, 0, 0x60, 0xea, 0x60, 0xea, 0,
    2, 2, 0x4c, 0x01, 0,
    ';',
  };

  return g_bytes_new_static (gif, sizeof gif);
}

/* @jpeg with the size in its SOF0 header changed to 60000 × 60000. */
GBytes *
test_image_huge_jpeg (GBytes *jpeg)
{
  gsize length;
  guint8 *data = g_memdup2 (g_bytes_get_data (jpeg, &length), g_bytes_get_size (jpeg));

  for (gsize i = 2; i + 9 < length; i++)
    if (data[i] == 0xff && data[i + 1] == 0xc0)
      {
        data[i + 5] = 0xea;
        data[i + 6] = 0x60;
        data[i + 7] = 0xea;
        data[i + 8] = 0x60;
        return g_bytes_new_take (data, length);
      }

  g_assert_not_reached ();
}

/* Checks the middle of each quadrant is about its colour. */
void
test_image_check_quadrants (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize)width * 4;
  g_autofree guint8 *pixels = g_malloc (stride * height);

  gdk_texture_download (texture, pixels, stride);

  for (int quadrant = 0; quadrant < 4; quadrant++)
    {
      int x = (quadrant % 2) * width / 2 + width / 4;
      int y = (quadrant / 2) * height / 2 + height / 4;
      const guint8 *pixel = pixels + y * stride + x * 4;   /* B, G, R, A in memory. */

      for (int channel = 0; channel < 3; channel++)
        {
          int got = pixel[2 - channel];
          int expected = quadrant_colors[quadrant][channel];

          g_assert_cmpint (ABS (got - expected), <=, 24);
        }
      g_assert_cmpint (pixel[3], ==, 0xff);
    }
}

/* Loads. */

void
test_load_clear (TestLoad *load)
{
  g_clear_object (&load->texture);
  g_clear_error (&load->error);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  TestLoad *load = user_data;

  load->texture = broadsheet_image_loader_load_finish (BROADSHEET_IMAGE_LOADER (object), result,
                                                       &load->error);
  g_assert_true ((load->texture == NULL) != (load->error == NULL));
  load->finished_at = g_get_monotonic_time ();
  load->done = TRUE;
}

void
test_load_start (BroadsheetImageLoader *loader,
                 const char            *uri,
                 int                    width,
                 GCancellable          *cancellable,
                 TestLoad              *load)
{
  memset (load, 0, sizeof *load);
  broadsheet_image_loader_load_async (loader, uri, width, cancellable, load_cb, load);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until (const gboolean *done)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (TEST_IMAGE_WAIT_SECONDS, timed_out_cb, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout);
}

void
test_load_wait (TestLoad *load)
{
  wait_until (&load->done);
}

/* Returns: (transfer full): the photo, or %NULL with @error set. */
GdkTexture *
test_load (BroadsheetImageLoader  *loader,
           const char             *uri,
           int                     width,
           GError                **error)
{
  TestLoad load;

  test_load_start (loader, uri, width, NULL, &load);
  test_load_wait (&load);
  if (load.error != NULL)
    g_propagate_error (error, g_steal_pointer (&load.error));

  return g_steal_pointer (&load.texture);
}

static void
weak_notify_cb (gpointer  user_data,
                GObject  *where_the_object_was)
{
  gboolean *finalized = user_data;

  *finalized = TRUE;
}

/* Drops the last reference to @loader once the work it still holds it for
 * (a cancelled transfer winding down) is done, and its disk work with it.
 */
void
test_finalize_loader (BroadsheetImageLoader *loader)
{
  gboolean finalized = FALSE;

  g_object_weak_ref (G_OBJECT (loader), weak_notify_cb, &finalized);
  g_object_unref (loader);
  wait_until (&finalized);
}

void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        test_remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}
