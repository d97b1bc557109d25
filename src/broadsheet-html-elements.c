/* broadsheet-html-elements.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "broadsheet-html-elements.h"
#include "broadsheet-uri.h"

/* What HTML elements and the few attributes we read (href, src, alt, width,
 * height) mean. Nothing else is ever read: no event handlers, no style, no
 * class. Addresses go through broadsheet-uri's rules.
 */

/* A picture this small in both directions is a tracking pixel or an icon. */
#define SMALL_PICTURE 32

typedef struct
{
  const char            *name;
  BroadsheetHtmlElement  kind;
} ElementName;

/* Sorted by name, for bsearch(); libxml2 gives HTML element names in lower case.
 *
 * Not here, so walked through: embed, source, track, wbr and keygen. They have
 * no content, but libxml2 2.9 does not know they are empty and makes what
 * follows them their children ("<embed><p>rest of the story</p>").
 */
static const ElementName element_names[] = {
  { "a", BROADSHEET_HTML_LINK },
  { "address", BROADSHEET_HTML_BLOCK },
  { "applet", BROADSHEET_HTML_DROP },
  { "article", BROADSHEET_HTML_BLOCK },
  { "aside", BROADSHEET_HTML_BLOCK },
  { "audio", BROADSHEET_HTML_DROP },
  { "b", BROADSHEET_HTML_BOLD },
  { "blockquote", BROADSHEET_HTML_QUOTE },
  { "body", BROADSHEET_HTML_BLOCK },
  { "br", BROADSHEET_HTML_BREAK },
  { "button", BROADSHEET_HTML_DROP },
  { "canvas", BROADSHEET_HTML_DROP },
  { "caption", BROADSHEET_HTML_BLOCK },
  { "center", BROADSHEET_HTML_BLOCK },
  { "cite", BROADSHEET_HTML_CITE },
  { "code", BROADSHEET_HTML_CODE },
  { "datalist", BROADSHEET_HTML_DROP },
  { "dd", BROADSHEET_HTML_BLOCK },
  { "details", BROADSHEET_HTML_BLOCK },
  { "dfn", BROADSHEET_HTML_ITALIC },
  { "dir", BROADSHEET_HTML_LIST },
  { "div", BROADSHEET_HTML_BLOCK },
  { "dl", BROADSHEET_HTML_BLOCK },
  { "dt", BROADSHEET_HTML_BLOCK },
  { "em", BROADSHEET_HTML_ITALIC },
  { "figcaption", BROADSHEET_HTML_FIGCAPTION },
  { "figure", BROADSHEET_HTML_FIGURE },
  { "footer", BROADSHEET_HTML_FOOTER },
  { "form", BROADSHEET_HTML_DROP },
  { "frame", BROADSHEET_HTML_DROP },
  { "frameset", BROADSHEET_HTML_DROP },
  { "h1", BROADSHEET_HTML_HEADING },
  { "h2", BROADSHEET_HTML_HEADING },
  { "h3", BROADSHEET_HTML_HEADING },
  { "h4", BROADSHEET_HTML_HEADING },
  { "h5", BROADSHEET_HTML_HEADING },
  { "h6", BROADSHEET_HTML_HEADING },
  { "head", BROADSHEET_HTML_DROP },
  { "header", BROADSHEET_HTML_BLOCK },
  { "hgroup", BROADSHEET_HTML_BLOCK },
  { "hr", BROADSHEET_HTML_RULE },
  { "html", BROADSHEET_HTML_BLOCK },
  { "i", BROADSHEET_HTML_ITALIC },
  { "iframe", BROADSHEET_HTML_DROP },
  { "img", BROADSHEET_HTML_IMAGE },
  { "input", BROADSHEET_HTML_DROP },
  { "kbd", BROADSHEET_HTML_CODE },
  { "li", BROADSHEET_HTML_LIST_ITEM },
  { "listing", BROADSHEET_HTML_PRE },
  { "main", BROADSHEET_HTML_BLOCK },
  { "map", BROADSHEET_HTML_DROP },
  { "math", BROADSHEET_HTML_DROP },
  { "menu", BROADSHEET_HTML_LIST },
  { "nav", BROADSHEET_HTML_BLOCK },
  { "noembed", BROADSHEET_HTML_DROP },
  { "noframes", BROADSHEET_HTML_DROP },
  { "noscript", BROADSHEET_HTML_DROP },
  { "object", BROADSHEET_HTML_DROP },
  { "ol", BROADSHEET_HTML_ORDERED_LIST },
  { "p", BROADSHEET_HTML_BLOCK },
  { "param", BROADSHEET_HTML_DROP },
  { "plaintext", BROADSHEET_HTML_PRE },
  { "pre", BROADSHEET_HTML_PRE },
  { "samp", BROADSHEET_HTML_CODE },
  { "script", BROADSHEET_HTML_DROP },
  { "section", BROADSHEET_HTML_BLOCK },
  { "select", BROADSHEET_HTML_DROP },
  { "strong", BROADSHEET_HTML_BOLD },
  { "style", BROADSHEET_HTML_DROP },
  { "summary", BROADSHEET_HTML_BLOCK },
  { "svg", BROADSHEET_HTML_DROP },
  { "table", BROADSHEET_HTML_BLOCK },
  { "tbody", BROADSHEET_HTML_BLOCK },
  { "td", BROADSHEET_HTML_TABLE_CELL },
  { "template", BROADSHEET_HTML_DROP },
  { "textarea", BROADSHEET_HTML_DROP },
  { "tfoot", BROADSHEET_HTML_BLOCK },
  { "th", BROADSHEET_HTML_TABLE_HEADER },
  { "thead", BROADSHEET_HTML_BLOCK },
  { "title", BROADSHEET_HTML_DROP },
  { "tr", BROADSHEET_HTML_TABLE_ROW },
  { "tt", BROADSHEET_HTML_CODE },
  { "ul", BROADSHEET_HTML_LIST },
  { "var", BROADSHEET_HTML_ITALIC },
  { "video", BROADSHEET_HTML_DROP },
  { "xmp", BROADSHEET_HTML_PRE },
};

static int
compare_element_names (const void *key,
                       const void *member)
{
  return strcmp (key, ((const ElementName *)member)->name);
}

BroadsheetHtmlElement
broadsheet_html_element_kind (const xmlNode *node)
{
  const ElementName *found;

  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return BROADSHEET_HTML_INLINE;

  found = bsearch (node->name, element_names, G_N_ELEMENTS (element_names),
                   sizeof (ElementName), compare_element_names);
  return found != NULL ? found->kind : BROADSHEET_HTML_INLINE;
}

/* Returns an attribute's value, valid UTF-8 with white space collapsed and
 * control characters left out, or %NULL if it is missing or blank.
 */
char *
broadsheet_html_dup_attribute (xmlNode    *node,
                               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  g_autofree char *valid = NULL;
  GString *collapsed;

  if (value == NULL)
    return NULL;

  valid = g_utf8_make_valid ((const char *)value, -1);
  xmlFree (value);

  collapsed = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = *p;

      if (g_ascii_isspace (c))
        {
          if (collapsed->len > 0 && collapsed->str[collapsed->len - 1] != ' ')
            g_string_append_c (collapsed, ' ');
        }
      else if (c >= 0x20 && c != 0x7f)
        {
          g_string_append_c (collapsed, c);
        }
    }
  if (collapsed->len > 0 && collapsed->str[collapsed->len - 1] == ' ')
    g_string_truncate (collapsed, collapsed->len - 1);

  if (collapsed->len == 0)
    {
      g_string_free (collapsed, TRUE);
      return NULL;
    }
  return g_string_free (collapsed, FALSE);
}

/* An address as a browser takes it: trimmed, with what a URI may not hold
 * (spaces, non-ASCII characters) percent-encoded.
 */
static char *
dup_reference (xmlNode    *node,
               const char *name)
{
  g_autofree char *value = broadsheet_html_dup_attribute (node, name);

  if (value == NULL)
    return NULL;
  return g_uri_escape_string (value, ":/?#[]@!$&'()*+,;=%", FALSE);
}

/* Returns the element's href resolved against @base_uri if it is a link the
 * reader may open (http, https or mailto), else %NULL.
 */
char *
broadsheet_html_dup_link (xmlNode    *node,
                          const char *base_uri)
{
  g_autofree char *href = dup_reference (node, "href");

  if (href != NULL && g_ascii_strncasecmp (href, "mailto:", 7) == 0)
    return broadsheet_uri_is_web_link (href, TRUE) ? g_steal_pointer (&href) : NULL;
  return broadsheet_uri_resolve_link (base_uri, href);
}

/* A plain positive integer, as in width="640"; 0 for anything else. */
static int
dimension (xmlNode    *node,
           const char *name)
{
  g_autofree char *value = broadsheet_html_dup_attribute (node, name);
  guint64 number = 0;

  if (value == NULL || !g_ascii_isdigit (value[0]) ||
      !g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT, &number, NULL))
    return 0;
  return (int)number;
}

void
broadsheet_html_picture_read (BroadsheetHtmlPicture *picture,
                              xmlNode               *node,
                              const char            *base_uri)
{
  g_autofree char *src = dup_reference (node, "src");

  picture->url = broadsheet_uri_resolve_media (base_uri, src);
  picture->alt = broadsheet_html_dup_attribute (node, "alt");
  picture->width = dimension (node, "width");
  picture->height = dimension (node, "height");
  if (picture->width == 0 || picture->height == 0)
    picture->width = picture->height = 0;
}

void
broadsheet_html_picture_clear (BroadsheetHtmlPicture *picture)
{
  g_clear_pointer (&picture->url, g_free);
  g_clear_pointer (&picture->alt, g_free);
  picture->width = picture->height = 0;
}

/* Emoji pictures (WordPress and others) stand for a character or two. */
static gboolean
is_emoji (const char *alt)
{
  if (alt == NULL || g_utf8_strlen (alt, -1) > 8 || g_utf8_get_char (alt) < 0x2000)
    return FALSE;

  for (const char *p = alt; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Returns %TRUE for a picture that is part of the text, not a block of its
 * own: a tracking pixel or icon (its alt text, if any, joins the text) or an
 * emoji.
 */
gboolean
broadsheet_html_picture_is_inline (const BroadsheetHtmlPicture *picture)
{
  return (picture->width > 0 && picture->width <= SMALL_PICTURE &&
          picture->height <= SMALL_PICTURE) || is_emoji (picture->alt);
}

/* Returns an image block, or %NULL for a picture with neither an address we
 * may load nor words; a refused address keeps the alt text and caption.
 */
BroadsheetBlock *
broadsheet_html_picture_block_new (const BroadsheetHtmlPicture *picture,
                                   const char                  *caption)
{
  g_autoptr(BroadsheetPhoto) photo = NULL;
  BroadsheetBlock *block;

  if (picture->url == NULL && picture->alt == NULL && caption == NULL)
    return NULL;

  photo = g_object_new (BROADSHEET_TYPE_PHOTO,
                        "url", picture->url,
                        "caption", caption,
                        "alt-text", picture->alt,
                        "width", picture->width,
                        "height", picture->height,
                        NULL);
  block = broadsheet_block_new (BROADSHEET_BLOCK_IMAGE);
  broadsheet_block_set_photo (block, photo);
  return block;
}
