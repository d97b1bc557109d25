/* broadsheet-json-check.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "broadsheet-json-check-private.h"

/* Short for the error helper, which broadsheet-json-check-errors.c defines. */
#define fail _broadsheet_json_check_fail

/* A strict RFC 8259 syntax check that runs before json-glib sees a feed.
 *
 * json-glib 1.6 accepts a fair amount that is not JSON (leading zeros, hex
 * numbers, single quotes, comments, raw control characters, unknown escapes),
 * gives neither a root nor an error for an empty document, turns unpaired
 * surrogate escapes into invalid UTF-8 and recurses once per nesting level, so
 * deeply nested input overflows the stack. This check rejects all of that.
 *
 * It walks the bytes once and builds nothing. Open arrays and objects are kept
 * on an explicit stack, one byte each, so nesting never turns into C
 * recursion. It does not check UTF-8: bytes from 0x80 up are passed over
 * inside strings and rejected outside them. Any bytes are safe to check; an
 * invalid sequence only makes the column in a message less exact.
 */

G_DEFINE_QUARK (broadsheet-json-check-error-quark, broadsheet_json_check_error)

/* How much of an unknown word is quoted back in a message. */
#define MAX_WORD_IN_MESSAGE 32

static inline gboolean
is_whitespace (char ch)
{
  return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
}

static inline const char *
skip_whitespace (const char *p,
                 const char *end)
{
  while (p < end && is_whitespace (*p))
    p++;

  return p;
}

static inline gboolean
is_digit (char ch)
{
  return ch >= '0' && ch <= '9';
}

static inline gboolean
is_word_char (char ch)
{
  return g_ascii_isalnum (ch) || ch == '_';
}

/* Bytes that stand for themselves inside a string: anything but a double
 * quote, a backslash or a control character. UTF-8 lead and continuation
 * bytes are all at or above 0x80.
 */
static inline gboolean
is_plain_string_byte (guchar ch)
{
  return ch >= 0x20 && ch != '"' && ch != '\\';
}

/* Reads the four hexadecimal digits of a \u escape, or returns -1. */
static gint32
read_hex4 (const char *p,
           const char *end)
{
  gint32 value = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      char ch = p[i];

      if (ch >= '0' && ch <= '9')
        value = value * 16 + (ch - '0');
      else if (ch >= 'a' && ch <= 'f')
        value = value * 16 + (ch - 'a' + 10);
      else if (ch >= 'A' && ch <= 'F')
        value = value * 16 + (ch - 'A' + 10);
      else
        return -1;
    }

  return value;
}

static inline gboolean
is_high_surrogate (gint32 unit)
{
  return unit >= 0xD800 && unit <= 0xDBFF;
}

static inline gboolean
is_low_surrogate (gint32 unit)
{
  return unit >= 0xDC00 && unit <= 0xDFFF;
}

/* Checks the escape sequence at @p, which points to a backslash with at
 * least one more byte after it. Returns the position after the escape, or
 * NULL after setting an error.
 */
static const char *
check_escape (const Checker *c,
              const char    *p)
{
  gint32 unit;

  switch (p[1])
    {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
      return p + 2;

    case 'u':
      break;

    default:
      fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
            _("a string contains an invalid escape sequence; a backslash may only be followed "
              "by \", \\, /, b, f, n, r, t or u"));
      return NULL;
    }

  unit = read_hex4 (p + 2, c->end);
  if (unit < 0)
    {
      fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
            _("“\\u” in a string must be followed by four hexadecimal digits"));
      return NULL;
    }

  if (is_high_surrogate (unit))
    {
      const char *low = p + 6;

      /* Characters outside the Basic Multilingual Plane are written as a
       * high and a low surrogate escape. Half a pair cannot be turned into
       * valid UTF-8, so it is an error here rather than garbage later.
       */
      if (c->end - low >= 2 && low[0] == '\\' && low[1] == 'u')
        {
          gint32 low_unit = read_hex4 (low + 2, c->end);

          if (low_unit < 0)
            {
              fail (c, low, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
                    _("“\\u” in a string must be followed by four hexadecimal digits"));
              return NULL;
            }

          if (is_low_surrogate (low_unit))
            return low + 6;
        }
    }
  else if (!is_low_surrogate (unit))
    {
      return p + 6;
    }

  fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
        _("a string contains a “\\u” escape for half of a UTF-16 surrogate pair "
          "(\\uD800 to \\uDFFF) without the other half"));
  return NULL;
}

/* Checks the string that starts with the double quote at @p. Returns the
 * position after the closing quote, or NULL after setting an error.
 */
static const char *
check_string (const Checker *c,
              const char    *p)
{
  const char *open = p;
  const char *end = c->end;

  p++;

  for (;;)
    {
      /* Most of a feed is string contents, so this loop is the hot one. */
      while (p < end && is_plain_string_byte ((guchar) *p))
        p++;

      if (p == end || (*p == '\\' && p + 1 == end))
        {
          fail (c, open, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
                _("a string is not closed with a double quote"));
          return NULL;
        }

      if (*p == '"')
        return p + 1;

      if (*p == '\\')
        {
          p = check_escape (c, p);
          if (p == NULL)
            return NULL;
          continue;
        }

      if (*p == '\0')
        fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
              _("the document contains a NUL byte (a byte with the value zero)"));
      else
        fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
              _("a string contains a control character such as a tab or a line break; "
                "these must be written as escapes like \\t or \\n"));
      return NULL;
    }
}

/* Checks the number that starts at @p with a minus sign or a digit:
 * -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
 * Returns the position after it, or NULL after setting an error.
 */
static const char *
check_number (const Checker *c,
              const char    *p)
{
  const char *end = c->end;

  if (*p == '-')
    {
      p++;
      if (p == end || !is_digit (*p))
        {
          fail (c, p - 1, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
                _("a minus sign must be followed by a digit"));
          return NULL;
        }
    }

  if (*p == '0')
    {
      p++;
      if (p < end && is_digit (*p))
        {
          fail (c, p - 1, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
                _("a number must not start with a zero unless it is zero"));
          return NULL;
        }
      if (p < end && (*p == 'x' || *p == 'X'))
        {
          fail (c, p - 1, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
                _("hexadecimal numbers are not allowed"));
          return NULL;
        }
    }
  else
    {
      while (p < end && is_digit (*p))
        p++;
    }

  if (p < end && *p == '.')
    {
      p++;
      if (p == end || !is_digit (*p))
        {
          fail (c, p - 1, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
                _("a decimal point must be followed by a digit"));
          return NULL;
        }
      while (p < end && is_digit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      const char *exponent = p;

      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end || !is_digit (*p))
        {
          fail (c, exponent, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
                _("the exponent of a number must have at least one digit"));
          return NULL;
        }
      while (p < end && is_digit (*p))
        p++;
    }

  if (p < end && (is_word_char (*p) || *p == '.' || *p == '+' || *p == '-'))
    {
      g_autofree char *what = _broadsheet_json_check_describe_char (c, p);

      /* Translators: %s is a character, such as “x” in “12x”. */
      fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX, _("unexpected “%s” in a number"), what);
      return NULL;
    }

  return p;
}

/* Checks the word that starts with the ASCII letter at @p, which must be
 * true, false or null. Returns the position after it, or NULL after setting
 * an error.
 */
static const char *
check_word (const Checker *c,
            const char    *p)
{
  const char *word_end = p;
  gsize length;
  g_autofree char *word = NULL;

  while (word_end < c->end && is_word_char (*word_end))
    word_end++;

  length = word_end - p;
  if ((length == 4 && memcmp (p, "true", 4) == 0) ||
      (length == 5 && memcmp (p, "false", 5) == 0) ||
      (length == 4 && memcmp (p, "null", 4) == 0))
    return word_end;

  if (length > MAX_WORD_IN_MESSAGE)
    word = g_strdup_printf ("%.*s…", MAX_WORD_IN_MESSAGE, p);
  else
    word = g_strndup (p, length);

  /* Translators: %s is a word from the document, such as “True” or “NaN”. */
  fail (c, p, BROADSHEET_JSON_CHECK_ERROR_SYNTAX,
        _("“%s” is not a valid value; only true, false and null may appear without double quotes"),
        word);
  return NULL;
}

static inline guint8
closer_of (guint8 kind)
{
  return kind == '[' ? ']' : '}';
}

/**
 * broadsheet_json_check:
 * @data: (array length=length): the document
 * @length: the length of @data in bytes
 * @max_depth: how deeply arrays and objects may nest; normally
 *   %BROADSHEET_JSON_CHECK_MAX_DEPTH
 * @error: return location for a #BroadsheetJsonCheckError
 *
 * Checks that @data is exactly one JSON value as RFC 8259 defines it, with
 * nothing but whitespace around it, so it is safe to hand to json-glib. A
 * UTF-8 byte order mark at the start is allowed.
 *
 * Any bytes are safe to pass, NUL bytes included. UTF-8 is not checked, so
 * invalid UTF-8 must be repaired with g_utf8_make_valid() before json-glib
 * sees it. Note that g_utf8_make_valid() also turns NUL bytes into U+FFFD, so
 * a raw NUL inside a string is only caught if the check runs before the
 * repair.
 *
 * Returns: %TRUE if @data is valid JSON
 */
gboolean
broadsheet_json_check (const char  *data,
                       gsize        length,
                       guint        max_depth,
                       GError     **error)
{
  return broadsheet_json_check_outline (data, length, max_depth, NULL, error);
}

void
broadsheet_json_root_array_free (BroadsheetJsonRootArray *array)
{
  g_free (array->name);
  g_array_unref (array->elements);
  g_free (array);
}

/**
 * broadsheet_json_check_outline:
 * @data: (array length=length): the document
 * @length: the length of @data in bytes
 * @max_depth: as for broadsheet_json_check()
 * @root_arrays: (out) (optional) (element-type BroadsheetJsonRootArray):
 *   where each array that is a member of the root object lies, and its elements
 * @error: return location for a #BroadsheetJsonCheckError
 *
 * broadsheet_json_check(), noting on the way where the root object's arrays
 * and their elements are, so that a big feed's stories can be parsed one by
 * one (broadsheet-feed-parser.c). The outline costs nothing measurable: it
 * is noted only where containers open and close at the top two levels.
 *
 * Returns: %TRUE if @data is valid JSON; @root_arrays is set only then
 */
gboolean
broadsheet_json_check_outline (const char  *data,
                               gsize        length,
                               guint        max_depth,
                               GPtrArray  **root_arrays,
                               GError     **error)
{
  g_autoptr(GByteArray) stack = NULL;
  g_autoptr(GPtrArray) arrays = NULL;
  BroadsheetJsonRootArray *recording = NULL;  /* The root array being walked. */
  const char *key = NULL, *key_end = NULL;     /* The last key of the root object. */
  const char *comma = NULL;
  const char *value_end;
  const char *p;
  State state = STATE_VALUE;
  Checker c;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (data == NULL)
    data = "";

  c.start = data;
  c.end = data + length;
  c.error = error;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    c.start += 3;

  p = skip_whitespace (c.start, c.end);
  if (p == c.end)
    {
      g_set_error_literal (error, BROADSHEET_JSON_CHECK_ERROR, BROADSHEET_JSON_CHECK_ERROR_EMPTY,
                           _("The document is empty"));
      return FALSE;
    }

  /* One byte per open container: '[' or '{'. */
  stack = g_byte_array_new ();
  if (root_arrays != NULL)
    arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) broadsheet_json_root_array_free);

  for (;;)
    {
      guint8 top = stack->len > 0 ? stack->data[stack->len - 1] : 0;

      value_end = p;
      p = skip_whitespace (p, c.end);

      /* The outline: an element of the root array being walked starts or
       * ends here.
       */
      if (G_UNLIKELY (recording != NULL) && stack->len == 2)
        {
          BroadsheetJsonSpan element = { (gsize) (p - data), 0 };

          if (state == STATE_VALUE)
            g_array_append_val (recording->elements, element);
          else if (state == STATE_AFTER_VALUE)
            g_array_index (recording->elements, BroadsheetJsonSpan,
                           recording->elements->len - 1).end = (gsize) (value_end - data);
        }

      switch (state)
        {
        case STATE_VALUE:
          if (p == c.end)
            {
              _broadsheet_json_check_fail_end (&c, top);
              return FALSE;
            }

          switch (*p)
            {
            case '"':
              p = check_string (&c, p);
              break;

            case '-':
            case '0': case '1': case '2': case '3': case '4':
            case '5': case '6': case '7': case '8': case '9':
              p = check_number (&c, p);
              break;

            case '[':
            case '{':
              if (stack->len >= max_depth)
                {
                  /* Translators: %u is a number of levels, such as 512. */
                  fail (&c, p, BROADSHEET_JSON_CHECK_ERROR_TOO_DEEP,
                        _("the document is nested more than %u levels deep"), max_depth);
                  return FALSE;
                }

              if (arrays != NULL && stack->len == 1 && stack->data[0] == '{' && *p == '[')
                {
                  recording = g_new0 (BroadsheetJsonRootArray, 1);
                  recording->name = g_strndup (key + 1, key_end - key - 2);
                  recording->span.start = (gsize) (p - data);
                  recording->elements = g_array_new (FALSE, FALSE, sizeof (BroadsheetJsonSpan));
                  g_ptr_array_add (arrays, recording);
                }

              top = (guint8) *p;
              g_byte_array_append (stack, &top, 1);
              p = skip_whitespace (p + 1, c.end);

              if (p < c.end && (guint8) *p == closer_of (top))
                {
                  g_byte_array_set_size (stack, stack->len - 1);
                  p++;
                  state = STATE_AFTER_VALUE;
                  if (recording != NULL && stack->len == 1)
                    {
                      recording->span.end = (gsize) (p - data);
                      recording = NULL;
                    }
                }
              else
                {
                  comma = NULL;
                  state = top == '[' ? STATE_VALUE : STATE_KEY;
                }
              continue;

            default:
              if (g_ascii_isalpha (*p))
                {
                  p = check_word (&c, p);
                  break;
                }

              _broadsheet_json_check_fail_unexpected (&c, p, CONTEXT_VALUE,
                                                      top == '[' ? comma : NULL);
              return FALSE;
            }

          if (p == NULL)
            return FALSE;

          state = STATE_AFTER_VALUE;
          break;

        case STATE_KEY:
          if (p == c.end)
            {
              _broadsheet_json_check_fail_end (&c, top);
              return FALSE;
            }

          if (*p != '"')
            {
              _broadsheet_json_check_fail_unexpected (&c, p, CONTEXT_KEY, comma);
              return FALSE;
            }

          key = p;
          p = check_string (&c, p);
          if (p == NULL)
            return FALSE;
          key_end = p;

          p = skip_whitespace (p, c.end);
          if (p == c.end)
            {
              _broadsheet_json_check_fail_end (&c, top);
              return FALSE;
            }

          if (*p != ':')
            {
              _broadsheet_json_check_fail_unexpected (&c, p, CONTEXT_COLON, NULL);
              return FALSE;
            }

          p++;
          state = STATE_VALUE;
          break;

        case STATE_AFTER_VALUE:
          if (top == 0)
            {
              if (p == c.end)
                {
                  if (root_arrays != NULL)
                    *root_arrays = g_steal_pointer (&arrays);
                  return TRUE;
                }

              _broadsheet_json_check_fail_unexpected (&c, p, CONTEXT_END, NULL);
              return FALSE;
            }

          if (p == c.end)
            {
              _broadsheet_json_check_fail_end (&c, top);
              return FALSE;
            }

          if (*p == ',')
            {
              comma = p;
              p++;
              state = top == '[' ? STATE_VALUE : STATE_KEY;
            }
          else if ((guint8) *p == closer_of (top))
            {
              g_byte_array_set_size (stack, stack->len - 1);
              p++;
              if (recording != NULL && stack->len == 1)
                {
                  recording->span.end = (gsize) (p - data);
                  recording = NULL;
                }
            }
          else
            {
              Context context = top == '[' ? CONTEXT_ARRAY_NEXT : CONTEXT_OBJECT_NEXT;

              _broadsheet_json_check_fail_unexpected (&c, p, context, NULL);
              return FALSE;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}
