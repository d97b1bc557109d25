/* test-resolver.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void  test_resolver_install       (void);
guint test_resolver_get_n_lookups (void);

G_END_DECLS
