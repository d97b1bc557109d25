/* broadsheet-json-check-errors.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-json-check-private.h"

#define fail _broadsheet_json_check_fail

/* What broadsheet_json_check() says when a document is not JSON: where (line
 * and column, found only once something is wrong) and what, in words that
 * point at the likely mistake (a trailing comma, single quotes, a comment).
 */

/* Finds the 1-based line and column of @pos. Columns count characters, not
 * bytes. A line ends at LF, CR LF or a lone CR. This only runs once an error
 * has been found, so the loops that check the document need not keep count.
 */
static void
find_position (const Checker *c,
               const char    *pos,
               guint         *line,
               guint         *column)
{
  const char *line_start = c->start;
  gsize n_lines = 1;
  gsize n_chars = 1;

  for (const char *p = c->start; p < pos; p++)
    {
      if (*p == '\n' || (*p == '\r' && (p + 1 == c->end || p[1] != '\n')))
        {
          n_lines++;
          line_start = p + 1;
        }
    }

  for (const char *p = line_start; p < pos; p++)
    {
      /* Count every byte except UTF-8 continuation bytes. */
      if (((guchar) *p & 0xC0) != 0x80)
        n_chars++;
    }

  *line = (guint) MIN (n_lines, G_MAXUINT);
  *column = (guint) MIN (n_chars, G_MAXUINT);
}

void
_broadsheet_json_check_fail (const Checker            *c,
                             const char               *pos,
                             BroadsheetJsonCheckError  code,
                             const char               *format,
                             ...)
{
  g_autofree char *detail = NULL;
  va_list args;
  guint line;
  guint column;

  if (c->error == NULL)
    return;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  find_position (c, pos, &line, &column);

  /* Translators: the start of every message about a feed that is not valid
   * JSON; it is shown after “This feed is not valid JSON: ”. The last %s is
   * one of the other messages in this file, such as “a string is not closed
   * with a double quote”.
   */
  g_set_error (c->error, BROADSHEET_JSON_CHECK_ERROR, code,
               _("Line %u, column %u: %s"), line, column, detail);
}

/* Names the character at @pos for a message: the character itself when it
 * can be seen, otherwise its code point, or its value for a stray byte.
 */
char *
_broadsheet_json_check_describe_char (const Checker *c,
                                      const char    *pos)
{
  gunichar ch = g_utf8_get_char_validated (pos, MIN (c->end - pos, 6));
  char buf[8] = { 0, };

  if (ch == (gunichar) -1 || ch == (gunichar) -2)
    return g_strdup_printf ("\\x%02X", (guchar) *pos);

  if (!g_unichar_isgraph (ch))
    return g_strdup_printf ("U+%04X", ch);

  g_unichar_to_utf8 (ch, buf);

  return g_strdup (buf);
}

/* Sets an error for the character at @p, which is not what @context needs.
 * @comma is the last comma seen, for the message about trailing commas.
 */
void
_broadsheet_json_check_fail_unexpected (const Checker *c,
                                        const char    *p,
                                        Context        context,
                                        const char    *comma)
{
  g_autofree char *what = NULL;

  if (*p == '\0')
    {
      fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
            _("the document contains a NUL byte (a byte with the value zero)"));
      return;
    }

  if (*p == '/' && p + 1 < c->end && (p[1] == '/' || p[1] == '*'))
    {
      fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX, _("comments are not allowed in JSON"));
      return;
    }

  if (*p == '\'' && (context == CONTEXT_VALUE || context == CONTEXT_KEY))
    {
      fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
            _("strings must be in double quotes, not single quotes"));
      return;
    }

  if (context == CONTEXT_VALUE)
    {
      if (*p == ']' && comma != NULL)
        {
          fail (c, comma, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
                _("a comma must be followed by another item; trailing commas are not allowed"));
          return;
        }

      if (*p == '+')
        {
          fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
                _("a number must not start with a plus sign"));
          return;
        }

      if (*p == '.')
        {
          fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
                _("a number must have a digit before the decimal point"));
          return;
        }
    }

  if (context == CONTEXT_KEY)
    {
      if (*p == '}' && comma != NULL)
        {
          fail (c, comma, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
                _("a comma must be followed by another item; trailing commas are not allowed"));
          return;
        }

      if (g_ascii_isalpha (*p) || *p == '_')
        {
          fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
                _("object keys must be strings in double quotes"));
          return;
        }
    }

  what = _broadsheet_json_check_describe_char (c, p);

  switch (context)
    {
    case CONTEXT_VALUE:
      /* Translators: %s is the character found, such as “,” or “=”. */
      fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
            _("unexpected “%s” where a value (a string, number, object, array, true, false or "
              "null) should be"), what);
      break;

    case CONTEXT_KEY:
      /* Translators: %s is the character found, such as “[” or “1”. */
      fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
            _("unexpected “%s” where an object key in double quotes should be"), what);
      break;

    case CONTEXT_COLON:
      /* Translators: %s is the character found, such as “,” or “=”. */
      fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
            _("unexpected “%s” after an object key; expected “:”"), what);
      break;

    case CONTEXT_ARRAY_NEXT:
      /* Translators: %s is the character found, such as “}” or “:”. */
      fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
            _("unexpected “%s” in an array; expected “,” or “]”"), what);
      break;

    case CONTEXT_OBJECT_NEXT:
      /* Translators: %s is the character found, such as “]” or “=”. */
      fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
            _("unexpected “%s” in an object; expected “,” or “}”"), what);
      break;

    case CONTEXT_END:
      /* Translators: %s is the character found, such as “]” or “{”. */
      fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
            _("unexpected “%s” after the end of the JSON value"), what);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Sets an error for a document that stops inside the container @kind. */
void
_broadsheet_json_check_fail_end (const Checker *c,
                                 guint8         kind)
{
  if (kind == '[')
    fail (c, c->end, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
          _("the document ends before an array is closed with “]”"));
  else
    fail (c, c->end, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
          _("the document ends before an object is closed with “}”"));
}
