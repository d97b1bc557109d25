/* broadsheet-store-errors.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-store-private.h"

/* Everything BroadsheetStore says to the user, in one place: each message
 * tells what happened to saved stories and read marks, and what to do.
 */

G_DEFINE_QUARK (broadsheet-store-error-quark, broadsheet_store_error)

GError *
_broadsheet_store_error_new (StoreMessage  message,
                             const char   *path,
                             const char   *detail)
{
  const char *why = detail != NULL ? detail : _("unknown error");

  switch (message)
    {
    case STORE_MESSAGE_CORRUPT_KEPT:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_CORRUPT,
                          _("The database “%s” was damaged and could not be read, so Broadsheet "
                            "started a new one. The damaged file was kept as “%s”; saved stories "
                            "and read marks in it are not shown."),
                          path, why);

    case STORE_MESSAGE_CORRUPT_NOT_KEPT:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_CORRUPT,
                          _("The database “%s” is damaged, and Broadsheet could not set it aside "
                            "to start a new one (%s). Saved stories and read marks can’t be "
                            "shown or kept. Make its folder writable, then restart Broadsheet."),
                          path, why);

    case STORE_MESSAGE_TOO_NEW:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_TOO_NEW,
                          _("The database “%s” was written by a newer version of Broadsheet. "
                            "Saved stories and read marks are shown, but changes won’t be kept. "
                            "Update Broadsheet to keep changes."),
                          path);

    case STORE_MESSAGE_LOCKED:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_LOCKED,
                          _("The database “%s” is in use by another program, perhaps another "
                            "copy of Broadsheet. Saved stories and read marks are shown, but "
                            "changes won’t be kept. Quit the other program, then restart "
                            "Broadsheet."),
                          path);

    case STORE_MESSAGE_LOCKED_UNREADABLE:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_LOCKED,
                          _("The database “%s” is in use by another program, perhaps another "
                            "copy of Broadsheet, so saved stories and read marks can’t be shown "
                            "or kept. Quit the other program, then restart Broadsheet."),
                          path);

    case STORE_MESSAGE_READ_ONLY:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_READ_ONLY,
                          _("Broadsheet can’t write to its database “%s” (%s). Saved stories and "
                            "read marks are shown, but changes won’t be kept. Make the file and "
                            "its folder writable, then restart Broadsheet."),
                          path, why);

    case STORE_MESSAGE_NO_SPACE:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_NO_SPACE,
                          _("The disk holding the database “%s” is full. Saved stories and read "
                            "marks are shown, but changes won’t be kept. Free some space, then "
                            "restart Broadsheet."),
                          path);

    case STORE_MESSAGE_OPEN_FAILED:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_FAILED,
                          _("Could not open the database “%s” (%s). Saved stories and read marks "
                            "can’t be shown or kept."),
                          path, why);

    case STORE_MESSAGE_READ_FAILED:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_FAILED,
                          _("Could not read saved stories and read marks from “%s” (%s)."),
                          path, why);

    case STORE_MESSAGE_WRITE_NO_SPACE:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_NO_SPACE,
                          _("Could not save changes to “%s”: the disk is full. Broadsheet will "
                            "try again; free some space to keep them."),
                          path);

    case STORE_MESSAGE_WRITE_RETRY:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_FAILED,
                          _("Could not save changes to “%s” (%s). Broadsheet will try again."),
                          path, why);

    case STORE_MESSAGE_WRITE_LOST:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_FAILED,
                          _("Some changes could not be saved to “%s” and are lost (%s)."),
                          path, why);

    case STORE_MESSAGE_WRITE_READ_ONLY:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_READ_ONLY,
                          _("Changes can’t be saved: the database “%s” is open read-only. They "
                            "will be lost when Broadsheet quits."),
                          path);

    case STORE_MESSAGE_CLOSED:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_CLOSED,
                          _("Changes can’t be saved: the database “%s” is already closed."),
                          path);

    case STORE_MESSAGE_CLOSE_TIMED_OUT:
      return g_error_new (BROADSHEET_STORE_ERROR, BROADSHEET_STORE_ERROR_FAILED,
                          _("Broadsheet was still saving changes to “%s” when it stopped "
                            "waiting; the latest changes may be lost."),
                          path);

    default:
      g_assert_not_reached ();
    }
}
