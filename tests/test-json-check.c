/* test-json-check.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "broadsheet-json-check.h"

/* Checks @length bytes of @data with the default depth limit. The bytes are
 * copied into a buffer of exactly that size first: string literals and
 * g_file_get_contents() both leave a NUL after the end, which would hide a
 * read past it from AddressSanitizer.
 */
static gboolean
check (const char  *data,
       gsize        length,
       GError     **error)
{
  g_autofree char *copy = g_memdup2 (data, length);
  gboolean valid;

  valid = broadsheet_json_check (copy, length, BROADSHEET_JSON_CHECK_MAX_DEPTH, error);

  /* Without a GError to fill in, the answer must be the same. */
  g_assert_true (broadsheet_json_check (copy, length, BROADSHEET_JSON_CHECK_MAX_DEPTH, NULL) ==
                 valid);

  return valid;
}

static void
assert_valid_len (const char *json,
                  gsize       length)
{
  g_autoptr(GError) error = NULL;
  gboolean valid;

  valid = check (json, length, &error);
  g_assert_no_error (error);
  g_assert_true (valid);
}

static void
assert_valid (const char *json)
{
  assert_valid_len (json, strlen (json));
}

/* Asserts that @json is rejected with @code and a message, and returns the
 * message.
 */
static char *
assert_invalid_len (const char               *json,
                    gsize                     length,
                    BroadsheetJsonCheckError  code)
{
  g_autoptr(GError) error = NULL;
  gboolean valid;

  valid = check (json, length, &error);
  g_assert_false (valid);
  g_assert_error (error, BROADSHEET_JSON_CHECK_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  return g_strdup (error->message);
}

static char *
assert_invalid (const char               *json,
                BroadsheetJsonCheckError  code)
{
  return assert_invalid_len (json, strlen (json), code);
}

/* Asserts that @json is a syntax error whose message starts with @prefix. */
static void
assert_syntax_error (const char *json,
                     const char *prefix)
{
  g_autofree char *message = assert_invalid (json, BROADSHEET_JSON_CHECK_ERROR_SYNTAX);

  if (!g_str_has_prefix (message, prefix))
    g_error ("Expected a message starting with “%s” for “%s”, got “%s”", prefix, json, message);
}

static void
assert_json_glib_loads (const char *data,
                        gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gboolean loaded;

  loaded = json_parser_load_from_data (parser, data, (gssize) length, &error);
  g_assert_no_error (error);
  g_assert_true (loaded);
  g_assert_nonnull (json_parser_get_root (parser));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Prepares checked bytes the way BroadsheetFeedParser does before json-glib
 * sees them: invalid UTF-8 inside strings is repaired with g_utf8_make_valid().
 * Returns the bytes to load, which may be @repaired.
 */
static const char *
repair_like_app (const char  *contents,
                 gsize       *length,
                 char       **repaired)
{
  if (g_utf8_validate (contents, *length, NULL))
    return contents;

  *repaired = g_utf8_make_valid (contents, *length);
  *length = strlen (*repaired);

  return *repaired;
}

static void
test_jsontestsuite (void)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_yes = 0;
  guint n_no = 0;
  guint n_either_accepted = 0;
  guint n_either_rejected = 0;
  guint n_repaired = 0;

  dir_path = g_test_build_filename (G_TEST_DIST, "data", "jsontestsuite", "test_parsing", NULL);
  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *repaired = NULL;
      g_autoptr(GError) check_error = NULL;
      const char *data;
      gsize raw_length;
      gsize length;
      gboolean valid;

      name = g_ptr_array_index (names, i);
      path = g_build_filename (dir_path, name, NULL);
      g_file_get_contents (path, &contents, &raw_length, &error);
      g_assert_no_error (error);

      /* The app checks the file as it is, then repairs UTF-8 for json-glib. */
      valid = check (contents, raw_length, &check_error);
      length = raw_length;
      data = contents;
      if (valid)
        {
          data = repair_like_app (contents, &length, &repaired);
          if (repaired != NULL)
            n_repaired++;
          g_assert_no_error (check_error);
        }
      else
        {
          g_assert_error (check_error, BROADSHEET_JSON_CHECK_ERROR, check_error->code);
          if (g_test_verbose ())
            g_test_message ("%s: %s", name, check_error->message);
        }

      switch (name[0])
        {
        case 'y':
          if (!valid)
            g_error ("%s is valid JSON but was rejected: %s", name, check_error->message);

          /* What passes the check must be safe for json-glib. */
          assert_json_glib_loads (data, length);
          n_yes++;
          break;

        case 'n':
          if (valid)
            g_error ("%s is not JSON but was accepted", name);
          g_assert_cmpstr (check_error->message, !=, "");
          n_no++;
          break;

        case 'i':
          if (valid)
            {
              g_autoptr(JsonParser) parser = json_parser_new ();
              g_autoptr(GError) parse_error = NULL;

              /* Either answer is fine, but json-glib must survive whatever
               * the check lets through.
               */
              if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
                g_test_message ("%s: accepted by the check, rejected by json-glib: %s",
                                name, parse_error->message);
              n_either_accepted++;
            }
          else
            {
              g_assert_cmpstr (check_error->message, !=, "");
              n_either_rejected++;
            }
          break;

        default:
          g_error ("%s has no y_, n_ or i_ prefix", name);
        }
    }

  g_test_message ("JSONTestSuite: %u y_ accepted; %u n_ rejected; %u i_ accepted and "
                  "%u i_ rejected; %u accepted files repaired as invalid UTF-8",
                  n_yes, n_no, n_either_accepted, n_either_rejected, n_repaired);

  /* The counts of the copied suite, as listed in data/jsontestsuite/SOURCES.md. */
  g_assert_cmpuint (n_yes, ==, 95);
  g_assert_cmpuint (n_no, ==, 188);
  g_assert_cmpuint (n_either_accepted + n_either_rejected, ==, 35);
}

static void
test_empty (void)
{
  static const char * const documents[] = {
    "",
    " ",
    "\t\r\n ",
    "\n\n\n",
    "\xEF\xBB\xBF",
    "\xEF\xBB\xBF \r\n",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *message = assert_invalid (documents[i], BROADSHEET_JSON_CHECK_ERROR_EMPTY);

      g_assert_cmpstr (message, ==, "The document is empty");
    }

  g_assert_false (broadsheet_json_check (NULL, 0, BROADSHEET_JSON_CHECK_MAX_DEPTH, &error));
  g_assert_error (error, BROADSHEET_JSON_CHECK_ERROR, BROADSHEET_JSON_CHECK_ERROR_EMPTY);

  /* Other whitespace is not JSON whitespace, so this is not empty. */
  g_free (assert_invalid ("\f", BROADSHEET_JSON_CHECK_ERROR_SYNTAX));
  g_free (assert_invalid ("\xC2\xA0", BROADSHEET_JSON_CHECK_ERROR_SYNTAX));
}

static char *
nested (const char *open,
        const char *middle,
        const char *close,
        guint       depth)
{
  GString *json = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (json, open);
  g_string_append (json, middle);
  for (guint i = 0; i < depth; i++)
    g_string_append (json, close);

  return g_string_free (json, FALSE);
}

static void
test_deep_nesting (void)
{
  const guint max = BROADSHEET_JSON_CHECK_MAX_DEPTH;
  g_autoptr(GError) error = NULL;
  g_autofree char *opening = NULL;
  g_autofree char *arrays = NULL;
  g_autofree char *too_deep_arrays = NULL;
  g_autofree char *objects = NULL;
  g_autofree char *too_deep_objects = NULL;
  g_autofree char *mixed = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;

  /* n_structure_100000_opening_arrays.json, which crashes json-glib. */
  opening = nested ("[", "", "", 100000);
  g_clear_pointer (&message, g_free);
  message = assert_invalid (opening, BROADSHEET_JSON_CHECK_ERROR_TOO_DEEP);
  expected = g_strdup_printf ("Line 1, column %u: the document is nested more than %u levels deep",
                              max + 1, max);
  g_assert_cmpstr (message, ==, expected);

  g_clear_pointer (&opening, g_free);
  opening = nested ("[", "", "]", 100000);
  g_clear_pointer (&message, g_free);
  message = assert_invalid (opening, BROADSHEET_JSON_CHECK_ERROR_TOO_DEEP);

  g_clear_pointer (&opening, g_free);
  opening = nested ("[{\"\":", "", "", 50000);
  g_clear_pointer (&message, g_free);
  message = assert_invalid (opening, BROADSHEET_JSON_CHECK_ERROR_TOO_DEEP);

  /* Exactly the limit is fine, and safe for json-glib. */
  arrays = nested ("[", "1", "]", max);
  assert_valid (arrays);
  assert_json_glib_loads (arrays, strlen (arrays));

  too_deep_arrays = nested ("[", "1", "]", max + 1);
  g_clear_pointer (&message, g_free);
  message = assert_invalid (too_deep_arrays, BROADSHEET_JSON_CHECK_ERROR_TOO_DEEP);

  objects = nested ("{\"a\":", "null", "}", max);
  assert_valid (objects);
  assert_json_glib_loads (objects, strlen (objects));

  too_deep_objects = nested ("{\"a\":", "null", "}", max + 1);
  g_clear_pointer (&message, g_free);
  message = assert_invalid (too_deep_objects, BROADSHEET_JSON_CHECK_ERROR_TOO_DEEP);

  mixed = nested ("[{\"a\":", "[]", "}]", max / 2);
  g_clear_pointer (&message, g_free);
  message = assert_invalid (mixed, BROADSHEET_JSON_CHECK_ERROR_TOO_DEEP);

  /* Depth counts open containers, not containers seen. */
  assert_valid ("[[[1]], [[2]], {\"a\": [[3]]}]");

  /* Other limits. */
  g_assert_true (broadsheet_json_check ("[[1]]", 5, 2, &error));
  g_assert_no_error (error);
  g_assert_false (broadsheet_json_check ("[[1]]", 5, 1, &error));
  g_assert_error (error, BROADSHEET_JSON_CHECK_ERROR, BROADSHEET_JSON_CHECK_ERROR_TOO_DEEP);
  g_clear_error (&error);
  g_assert_true (broadsheet_json_check ("1", 1, 0, &error));
  g_assert_no_error (error);
  g_assert_false (broadsheet_json_check ("{}", 2, 0, &error));
  g_assert_error (error, BROADSHEET_JSON_CHECK_ERROR, BROADSHEET_JSON_CHECK_ERROR_TOO_DEEP);
}

/* The outline says where the root object's arrays and their elements lie,
 * byte for byte, whatever the elements are and however they are spaced.
 */
static void
test_outline (void)
{
  const char *json = " {\"a\": 1, \"s\\u0074\": [], \"list\" : [ {\"x\": [1, {\"y\": \"]\"}]} ,\"two\",3,"
                     " [[]] , null ], \"o\": {\"inner\": [7]}, \"b\": [true]} ";
  g_autoptr(GPtrArray) arrays = NULL;
  g_autoptr(GError) error = NULL;
  BroadsheetJsonRootArray *list;
  const char *expected[] = { "{\"x\": [1, {\"y\": \"]\"}]}", "\"two\"", "3", "[[]]", "null" };

  g_assert_true (broadsheet_json_check_outline (json, strlen (json), BROADSHEET_JSON_CHECK_MAX_DEPTH,
                                                &arrays, &error));
  g_assert_no_error (error);
  g_assert_nonnull (arrays);
  /* Arrays of nested objects are not the root's. */
  g_assert_cmpuint (arrays->len, ==, 3);

  g_assert_cmpstr (((BroadsheetJsonRootArray *) arrays->pdata[0])->name, ==, "s\\u0074");
  g_assert_cmpuint (((BroadsheetJsonRootArray *) arrays->pdata[0])->elements->len, ==, 0);

  list = arrays->pdata[1];
  g_assert_cmpstr (list->name, ==, "list");
  g_assert_true (json[list->span.start] == '[' && json[list->span.end - 1] == ']');
  g_assert_cmpuint (list->elements->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      BroadsheetJsonSpan *span = &g_array_index (list->elements, BroadsheetJsonSpan, i);
      g_autofree char *element = g_strndup (json + span->start, span->end - span->start);

      g_assert_cmpstr (element, ==, expected[i]);
    }

  g_assert_cmpstr (((BroadsheetJsonRootArray *) arrays->pdata[2])->name, ==, "b");

  /* A root that is not an object has no outline; an invalid document none. */
  g_clear_pointer (&arrays, g_ptr_array_unref);
  g_assert_true (broadsheet_json_check_outline ("[[1]]", 5, 8, &arrays, NULL));
  g_assert_cmpuint (arrays->len, ==, 0);
  g_clear_pointer (&arrays, g_ptr_array_unref);
  g_assert_false (broadsheet_json_check_outline ("{\"a\": [1,]}", 11, 8, &arrays, NULL));
  g_assert_null (arrays);
}

static void
test_lone_surrogate (void)
{
  static const char * const invalid[] = {
    "[\"\\uD800\"]",
    "[\"\\uDBFF\"]",
    "[\"\\uDC00\"]",
    "[\"\\udfff\"]",
    "[\"\\uDC00\\uD800\"]",
    "[\"\\uD800\\uD800\"]",
    "[\"\\uD800\\u0041\"]",
    "[\"\\uD800x\"]",
    "[\"\\uD800\\n\"]",
    "[\"a\\uD83D\"]",
    "{\"\\uDE00\": 1}",
  };
  static const char * const valid[] = {
    "[\"\\uD83D\\uDE00\"]",
    "[\"\\ud83d\\ude00\"]",
    "[\"\\uD800\\uDC00\"]",
    "[\"\\uDBFF\\uDFFF\"]",
    "[\"\\uD7FF\\uE000\\uFFFF\"]",
    "{\"\\uD834\\uDD1E\": \"\\uD834\\uDD1E\"}",
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *text;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *message = assert_invalid (invalid[i], BROADSHEET_JSON_CHECK_ERROR_SYNTAX);

      g_assert_nonnull (strstr (message, "surrogate"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (valid[i]);

  /* A pair cut short is a bad escape rather than a surrogate problem. */
  assert_syntax_error ("[\"\\uD800\\u12\"]", "Line 1, column 9: “\\u” in a string must be");
  assert_syntax_error ("[\"\\uD800", "Line 1, column 3: a string contains a “\\u” escape");
  assert_syntax_error ("[\"\\uD8", "Line 1, column 3: “\\u” in a string must be");

  /* With the pair intact, json-glib produces the right character. */
  json_parser_load_from_data (parser, valid[0], -1, &error);
  g_assert_no_error (error);
  text = json_array_get_string_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (text, ==, "\xF0\x9F\x98\x80");
}

static void
test_embedded_nul (void)
{
  static const struct {
    const char *json;
    gsize       length;
    const char *prefix;
  } documents[] = {
    { "\0", 1, "Line 1, column 1: the document contains a NUL byte" },
    { "[1]\0", 4, "Line 1, column 4: the document contains a NUL byte" },
    { "\0[1]", 4, "Line 1, column 1: the document contains a NUL byte" },
    { "[1]\n\0\n", 6, "Line 2, column 1: the document contains a NUL byte" },
    { "[\"a\0b\"]", 7, "Line 1, column 4: the document contains a NUL byte" },
    { "[1\0]", 4, "Line 1, column 3: the document contains a NUL byte" },
    { "[1,\0 2]", 7, "Line 1, column 4: the document contains a NUL byte" },
    { "{\"a\"\0: 1}", 9, "Line 1, column 5: the document contains a NUL byte" },
    { "{\"a\": \0}", 8, "Line 1, column 7: the document contains a NUL byte" },
    { "\"\0", 2, "Line 1, column 2: the document contains a NUL byte" },
    { "tr\0e", 4, "Line 1, column 1: “tr” is not a valid value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *message = NULL;

      message = assert_invalid_len (documents[i].json, documents[i].length,
                                    BROADSHEET_JSON_CHECK_ERROR_SYNTAX);
      if (!g_str_has_prefix (message, documents[i].prefix))
        g_error ("Expected “%s”, got “%s”", documents[i].prefix, message);
    }

  /* An escaped NUL is a valid string. */
  assert_valid ("[\"a\\u0000b\"]");
}

static void
test_bom (void)
{
  g_autofree char *message = NULL;

  assert_valid ("\xEF\xBB\xBF[1]");
  assert_valid ("\xEF\xBB\xBF{\"a\": \"b\"}");
  assert_valid ("\xEF\xBB\xBF\n 1 ");

  message = assert_invalid ("\xEF\xBB\xBF", BROADSHEET_JSON_CHECK_ERROR_EMPTY);

  /* Only one, and only at the very start. */
  assert_syntax_error ("\xEF\xBB\xBF\xEF\xBB\xBF[1]", "Line 1, column 1: unexpected “U+FEFF”");
  assert_syntax_error (" \xEF\xBB\xBF[1]", "Line 1, column 2: unexpected “U+FEFF”");
  assert_syntax_error ("[1]\xEF\xBB\xBF", "Line 1, column 4: unexpected “U+FEFF” after the end");
  assert_syntax_error ("[1,\xEF\xBB\xBF 2]", "Line 1, column 4: unexpected “U+FEFF” where a value");

  /* Part of a byte order mark is just bad bytes. */
  assert_syntax_error ("\xEF\xBB[1]", "Line 1, column 1: unexpected “\\xEF”");
  assert_syntax_error ("\xEF", "Line 1, column 1: unexpected “\\xEF”");

  /* Columns start after the byte order mark. */
  assert_syntax_error ("\xEF\xBB\xBF[1,]", "Line 1, column 3: a comma must be followed");
}

static void
test_error_position (void)
{
  assert_syntax_error ("{\n"
                       "  \"title\": \"Café\",\n"
                       "  \"items\": [1, 2,, 3]\n"
                       "}\n",
                       "Line 3, column 18: unexpected “,” where a value");

  /* Columns count characters, not bytes. */
  assert_syntax_error ("[\n\"日本語\" x]", "Line 2, column 7: unexpected “x” in an array");
  assert_syntax_error ("{\"é\": \"ü\"\n, \"ö\": tru}", "Line 2, column 8: “tru” is not a valid");

  /* CR LF and a lone CR each end one line. */
  assert_syntax_error ("[\r\n1,\r\n]", "Line 2, column 2: a comma must be followed");
  assert_syntax_error ("[\r\r  x]", "Line 3, column 3: “x” is not a valid value");

  /* Errors at the end point just past the last character. */
  assert_syntax_error ("{\"a\": [1,\n2", "Line 2, column 2: the document ends before an array");
  assert_syntax_error ("{\"a\": 1\n", "Line 2, column 1: the document ends before an object");

  /* A string that never ends is reported where it starts. */
  assert_syntax_error ("[\n  \"abc", "Line 2, column 3: a string is not closed");
  assert_syntax_error ("[\"abc\\", "Line 1, column 2: a string is not closed");
}

static void
test_trailing_garbage (void)
{
  static const char * const invalid[] = {
    "[1] x",
    "[1]]",
    "{}}",
    "{} {}",
    "1 2",
    "\"a\" \"b\"",
    "\"a\"\"b\"",
    "true false",
    "null,",
    "[1]\n\n,",
    "1 /* comment */",
    "[1] // comment",
    "[1]\f",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_free (assert_invalid (invalid[i], BROADSHEET_JSON_CHECK_ERROR_SYNTAX));

  assert_syntax_error ("[1]]", "Line 1, column 4: unexpected “]” after the end of the JSON value");
  assert_syntax_error ("{\"a\":\"b\"}/**/", "Line 1, column 10: comments are not allowed");

  assert_valid ("[1] \n\t\r");
  assert_valid (" 1 ");
  assert_valid ("\"a\"");
  assert_valid ("0");
  assert_valid ("-0.5e+10");
  assert_valid ("null");
}

static void
test_numbers (void)
{
  static const char * const valid[] = {
    "0", "-0", "1", "-1", "10", "1234567890", "0.0", "-0.0", "1.5", "0e0", "0E+1", "1e-1",
    "1.25e10", "-1.5E-300", "123456789012345678901234567890", "1e999",
  };
  static const struct {
    const char *json;
    const char *prefix;
  } invalid[] = {
    { "01", "Line 1, column 1: a number must not start with a zero" },
    { "-01", "Line 1, column 2: a number must not start with a zero" },
    { "[00]", "Line 1, column 2: a number must not start with a zero" },
    { "0x42", "Line 1, column 1: hexadecimal numbers" },
    { "2.", "Line 1, column 2: a decimal point must be followed by a digit" },
    { "[2.e3]", "Line 1, column 3: a decimal point must be followed by a digit" },
    { ".5", "Line 1, column 1: a number must have a digit before" },
    { "+1", "Line 1, column 1: a number must not start with a plus sign" },
    { "-", "Line 1, column 1: a minus sign must be followed by a digit" },
    { "[-Infinity]", "Line 1, column 2: a minus sign must be followed by a digit" },
    { "- 1", "Line 1, column 1: a minus sign must be followed by a digit" },
    { "1e", "Line 1, column 2: the exponent of a number" },
    { "1E+", "Line 1, column 2: the exponent of a number" },
    { "[1e-x]", "Line 1, column 3: the exponent of a number" },
    { "1.5.3", "Line 1, column 4: unexpected “.” in a number" },
    { "12abc", "Line 1, column 3: unexpected “a” in a number" },
    { "1e5e5", "Line 1, column 4: unexpected “e” in a number" },
    { "1-2", "Line 1, column 2: unexpected “-” in a number" },
    { "NaN", "Line 1, column 1: “NaN” is not a valid value" },
    { "[Infinity]", "Line 1, column 2: “Infinity” is not a valid value" },
    { "[1 000]", "Line 1, column 4: unexpected “0” in an array" },
    { "١", "Line 1, column 1: unexpected “١” where a value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (valid[i]);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    assert_syntax_error (invalid[i].json, invalid[i].prefix);
}

static void
test_strings (void)
{
  static const struct {
    const char *json;
    const char *prefix;
  } invalid[] = {
    { "[\"a\tb\"]", "Line 1, column 4: a string contains a control character" },
    { "[\"a\nb\"]", "Line 1, column 4: a string contains a control character" },
    { "[\"\x1F\"]", "Line 1, column 3: a string contains a control character" },
    { "[\"\\x41\"]", "Line 1, column 3: a string contains an invalid escape sequence" },
    { "[\"\\a\"]", "Line 1, column 3: a string contains an invalid escape sequence" },
    { "[\"\\U0041\"]", "Line 1, column 3: a string contains an invalid escape sequence" },
    { "[\"\\u00G1\"]", "Line 1, column 3: “\\u” in a string must be followed" },
    { "[\"\\u\"]", "Line 1, column 3: “\\u” in a string must be followed" },
    { "['a']", "Line 1, column 2: strings must be in double quotes" },
    { "{'a': 1}", "Line 1, column 2: strings must be in double quotes" },
    { "{a: 1}", "Line 1, column 2: object keys must be strings" },
    { "{1: 1}", "Line 1, column 2: unexpected “1” where an object key" },
    { "{\"a\" 1}", "Line 1, column 6: unexpected “1” after an object key" },
    { "{\"a\": 1 \"b\": 2}", "Line 1, column 9: unexpected “\"” in an object" },
    { "{\"a\": 1,}", "Line 1, column 8: a comma must be followed" },
    { "[1,]", "Line 1, column 3: a comma must be followed" },
    { "[,1]", "Line 1, column 2: unexpected “,” where a value" },
    { "{\"a\":}", "Line 1, column 6: unexpected “}” where a value" },
    { "[1}", "Line 1, column 3: unexpected “}” in an array" },
    { "[True]", "Line 1, column 2: “True” is not a valid value" },
    { "[nul]", "Line 1, column 2: “nul” is not a valid value" },
    { "[truefalse]", "Line 1, column 2: “truefalse” is not a valid value" },
    { "[\"a\" // comment\n]", "Line 1, column 6: comments are not allowed" },
    { "[\x7F]", "Line 1, column 2: unexpected “U+007F” where a value" },
    { "\"", "Line 1, column 1: a string is not closed" },
  };
  static const char * const valid[] = {
    "\"\"",
    "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u00E9\"",
    "\"\x7F \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"",
    "{\"\": \"\", \"a\": [\"b\", {\"c\": \"d\"}]}",
  };
  g_autofree char *long_word = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    assert_syntax_error (invalid[i].json, invalid[i].prefix);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (valid[i]);

  /* Long words are cut short in the message. */
  long_word = g_strnfill (10000, 'x');
  message = assert_invalid (long_word, BROADSHEET_JSON_CHECK_ERROR_SYNTAX);
  g_assert_cmpuint (strlen (message), <, 200);
}

/* Every prefix of every valid file must be checked without reading past its
 * end; check() hands over a buffer of exactly the prefix's size.
 */
static void
test_truncated (void)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  dir_path = g_test_build_filename (G_TEST_DIST, "data", "jsontestsuite", "test_parsing", NULL);
  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_str_has_prefix (name, "y_") || !g_str_has_suffix (name, ".json"))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);

      for (gsize cut = 0; cut < length; cut++)
        {
          g_autoptr(GError) check_error = NULL;

          if (!check (contents, cut, &check_error))
            g_assert_cmpstr (check_error->message, !=, "");
        }

      n_files++;
    }

  g_assert_cmpuint (n_files, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-check/jsontestsuite", test_jsontestsuite);
  g_test_add_func ("/json-check/empty", test_empty);
  g_test_add_func ("/json-check/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json-check/lone-surrogate", test_lone_surrogate);
  g_test_add_func ("/json-check/embedded-nul", test_embedded_nul);
  g_test_add_func ("/json-check/bom", test_bom);
  g_test_add_func ("/json-check/error-position", test_error_position);
  g_test_add_func ("/json-check/trailing-garbage", test_trailing_garbage);
  g_test_add_func ("/json-check/numbers", test_numbers);
  g_test_add_func ("/json-check/outline", test_outline);
  g_test_add_func ("/json-check/strings", test_strings);
  g_test_add_func ("/json-check/truncated", test_truncated);

  return g_test_run ();
}
