#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Broadsheet developers
"""End-to-end keyboard test: read ten stories, save two, open one in the browser
and quit without touching the mouse, while a screen reader can tell every row's state.

Starts the built broadsheet binary on a display (Xvfb in the test suite), presses
real keys with `xdotool key` (no window targeting: the keys go wherever X focus is,
as a person's would) and reads what is shown through the accessibility tree
(AT-SPI, gi.repository.Atspi), the way a screen reader does.

    e2e-keyboard.py BUILD_DIR/src/broadsheet      (or BROADSHEET_BIN=... e2e-keyboard.py)

Needs a display (DISPLAY), dbus-run-session, at-spi2-core, xdotool, python3-gi and
gir1.2-atspi-2.0. It runs itself inside a private session bus (dbus-run-session), on
which the AT-SPI bus is started on demand, so it never talks to a desktop's buses.
The app gets fresh XDG directories, an in-memory GSettings backend (so it shows the
bundled sample feed, data/sample/stories.json) and a fake web browser that writes
the addresses it is asked to open to a file.

Output is TAP; the exit status is 0 when every check passed, 1 otherwise.
"""

from datetime import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

SYSTEM_PYTHON = '/usr/bin/python3'
PRIVATE_BUS_MARK = 'BROADSHEET_E2E_PRIVATE_BUS'
REEXEC_MARK = 'BROADSHEET_E2E_REEXEC'
TAP_FD = 'BROADSHEET_E2E_TAP_FD'

TOTAL_TIMEOUT = 100   # seconds for the whole run, a safety net; a pass takes a few seconds
START_TIMEOUT = 20    # for the window and its headlines to appear
STEP_TIMEOUT = 10     # for the window to answer one key
FOCUS_GRACE = 5       # for keyboard focus to reach the selected row
QUIT_TIMEOUT = 10     # for ctrl+q to end the process
STORIES_TO_READ = 10

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE_STORIES = os.path.join(HERE, '..', 'data', 'sample', 'stories.json')


def usage_error(message):
    print(f'Bail out! {message}', flush=True)
    sys.exit(1)


def binary_from_args():
    if len(sys.argv) > 1:
        return os.path.abspath(sys.argv[1])
    if os.environ.get('BROADSHEET_BIN'):
        return os.path.abspath(os.environ['BROADSHEET_BIN'])
    usage_error('usage: e2e-keyboard.py BUILD_DIR/src/broadsheet (or set BROADSHEET_BIN)')
    return None


BINARY = binary_from_args()

# Debian's PyGObject is for Debian's Python: if the python3 on PATH is another one
# (pyenv, a virtualenv), run again under /usr/bin/python3.
try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as error:
    if (os.environ.get(REEXEC_MARK) != '1' and os.path.exists(SYSTEM_PYTHON)
            and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON)):
        os.environ[REEXEC_MARK] = '1'
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__), BINARY])
    usage_error(f'cannot load AT-SPI from Python ({error}): '
                'install python3-gi and gir1.2-atspi-2.0')


def check_prerequisites():
    if not os.access(BINARY, os.X_OK):
        usage_error(f'no broadsheet binary at {BINARY}')
    if not os.environ.get('DISPLAY'):
        usage_error('no X display (DISPLAY is unset): run under xvfb-run')
    for tool, package in (('xdotool', 'xdotool'), ('dbus-run-session', 'dbus-daemon')):
        if not shutil.which(tool):
            usage_error(f'{tool} not found: install {package}')
    if subprocess.run(['xdotool', 'getmouselocation'], stdout=subprocess.DEVNULL,
                      stderr=subprocess.DEVNULL, timeout=10).returncode != 0:
        usage_error(f'cannot open the X display {os.environ["DISPLAY"]}')
    if not (os.path.exists('/usr/libexec/at-spi-bus-launcher')
            or shutil.which('at-spi-bus-launcher')):
        usage_error('at-spi-bus-launcher not found: install at-spi2-core')


HELD_DISPLAY = None


def hold_display():
    """Keeps a connection to the X server open for the whole test. An X server resets
    whenever its last client leaves (Xvfb unless started with -noreset), and a program that
    connects in that moment finds no display: without this, the app could start just as
    xdotool, the last client, left."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library('X11')
    if name is None:
        return None
    xlib = ctypes.CDLL(name)
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    # The server may be in the middle of such a reset now: try for a few seconds.
    deadline = time.monotonic() + 5
    while True:
        display = xlib.XOpenDisplay(None)
        if display or time.monotonic() > deadline:
            return display
        time.sleep(0.1)


def run_in_private_bus():
    """Runs this script again inside its own session bus, so that the AT-SPI bus can start
    (on demand, from at-spi2-core's D-Bus service) and nothing reaches a desktop's buses."""
    env = dict(os.environ)
    env[PRIVATE_BUS_MARK] = '1'
    # The buses and the services they start (at-spi2-registryd says hello on stdout) write to
    # stderr; the TAP report goes to the real stdout through another descriptor.
    sys.stdout.flush()
    tap_fd = os.dup(1)
    os.set_inheritable(tap_fd, True)
    os.dup2(2, 1)
    env[TAP_FD] = str(tap_fd)
    for name in ('DBUS_SESSION_BUS_ADDRESS', 'DBUS_SESSION_BUS_PID', 'AT_SPI_BUS_ADDRESS',
                 'GTK_A11Y', 'NO_AT_BRIDGE'):
        env.pop(name, None)
    os.execvpe('dbus-run-session',
               ['dbus-run-session', '--', sys.executable, os.path.abspath(__file__), BINARY], env)


class Failure(Exception):
    """A check that later steps depend on failed: stop the run."""

    def __init__(self, message, details=None):
        super().__init__(message)
        self.details = details or []


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, passed, description, details=None):
        self.count += 1
        if not passed:
            self.failed += 1
        print(f'{"ok" if passed else "not ok"} {self.count} - {description}', flush=True)
        if not passed:
            for line in (details() if callable(details) else details) or []:
                self.note(line)
        return passed

    def note(self, message):
        for line in str(message).splitlines() or ['']:
            print(f'# {line}', flush=True)

    def bail(self, message, details=None):
        for line in details or []:
            self.note(line)
        print(f'Bail out! {message}', flush=True)

    def finish(self):
        print(f'1..{self.count}', flush=True)


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout(f'the whole test took more than {TOTAL_TIMEOUT} s')


def on_term(signum, frame):
    raise Timeout(f'stopped by signal {signum}')


def press(key):
    """One real key press, to whichever window has X focus."""
    subprocess.run(['xdotool', 'key', key], check=True, timeout=10)


def role_states(acc):
    states = acc.get_state_set()
    return {nick for nick, state in (('selected', Atspi.StateType.SELECTED),
                                     ('focused', Atspi.StateType.FOCUSED))
            if states.contains(state)}


def row_name(item):
    """What a screen reader says for a row: the list item's accessible name."""
    return item.get_name() or ''


def row_widget_name(item):
    """The accessible name of the app's own row widget, the list item's only child."""
    if item.get_child_count() < 1:
        return None
    child = item.get_child_at_index(0)
    return child.get_name() if child is not None else None


def walk(acc, found, predicate, depth=0):
    if acc is None or depth > 60:
        return found
    try:
        if predicate(acc):
            found.append(acc)
        for i in range(acc.get_child_count()):
            walk(acc.get_child_at_index(i), found, predicate, depth + 1)
    except GLib.Error:
        pass  # a widget that went away while we looked
    return found


class Row:
    def __init__(self, item, name, states, story):
        self.item = item
        self.name = name
        self.states = states
        self.story = story

    @property
    def headline(self):
        return self.story['headline'] if self.story else None

    @property
    def state_words(self):
        """The part of the name after the headline: byline, time and state."""
        return self.name[len(self.headline):] if self.story else self.name

    @property
    def unread(self):
        return re.search(r'\bUnread\b', self.state_words) is not None

    @property
    def saved(self):
        return re.search(r'\bSaved\b', self.state_words) is not None

    def __repr__(self):
        return f'{self.name!r} {sorted(self.states)}'


class Session:
    def __init__(self, tap, tmp):
        self.tap = tap
        self.tmp = tmp
        self.process = None
        self.app = None
        self.list = None
        self.headings = []
        self.headings_walked = 0.0
        with open(SAMPLE_STORIES, encoding='utf-8') as f:
            self.stories = json.load(f)['stories']
        self.browser_log = os.path.join(tmp, 'opened-uris.txt')
        self.env = self.app_environment()

    # Set-up

    def app_environment(self):
        dirs = {name: os.path.join(self.tmp, name) for name in ('cache', 'config', 'data')}
        for d in dirs.values():
            os.makedirs(d)

        # A fake web browser: the default http(s) handler, writing each address to a file.
        browser = os.path.join(self.tmp, 'fake-browser')
        with open(browser, 'w', encoding='utf-8') as f:
            f.write('#!/bin/sh\n'
                    'for uri in "$@"; do\n'
                    f'  printf \'%s\\n\' "$uri" >> \'{self.browser_log}\'\n'
                    'done\n')
        os.chmod(browser, 0o755)
        os.makedirs(os.path.join(dirs['data'], 'applications'))
        with open(os.path.join(dirs['data'], 'applications', 'fake-browser.desktop'), 'w',
                  encoding='utf-8') as f:
            f.write('[Desktop Entry]\nType=Application\nName=Fake Browser\nNoDisplay=true\n'
                    f'Exec={browser} %u\n'
                    'MimeType=x-scheme-handler/http;x-scheme-handler/https;\n')
        with open(os.path.join(dirs['config'], 'mimeapps.list'), 'w', encoding='utf-8') as f:
            f.write('[Default Applications]\n'
                    'x-scheme-handler/http=fake-browser.desktop\n'
                    'x-scheme-handler/https=fake-browser.desktop\n')

        build_dir = os.path.dirname(os.path.dirname(BINARY))
        env = dict(os.environ)
        for name in ('GTK_A11Y', 'NO_AT_BRIDGE', PRIVATE_BUS_MARK, REEXEC_MARK, TAP_FD):
            env.pop(name, None)
        env.update({
            'GSETTINGS_SCHEMA_DIR': os.path.join(build_dir, 'data'),
            'GSETTINGS_BACKEND': 'memory',
            'XDG_CACHE_HOME': dirs['cache'],
            'XDG_CONFIG_HOME': dirs['config'],
            'XDG_DATA_HOME': dirs['data'],
            'LC_ALL': 'C.UTF-8',
            'LANGUAGE': 'C',
            'TZ': 'UTC',
            'GDK_BACKEND': 'x11',
            'ADW_DISABLE_PORTAL': '1',
            'GIO_USE_PROXY_RESOLVER': 'dummy',
        })
        return env

    def check_fake_browser(self):
        """The fake browser is the default for http and https, and launching it works."""
        probe = ('from gi.repository import Gio\n'
                 'apps = [Gio.AppInfo.get_default_for_uri_scheme(s) for s in ("http", "https")]\n'
                 'print(" ".join(a.get_id() if a else "none" for a in apps))\n'
                 'Gio.AppInfo.launch_default_for_uri("https://example.com/e2e-self-check", None)\n')
        result = subprocess.run([sys.executable, '-c', probe], env=self.env, capture_output=True,
                                text=True, timeout=20)
        handlers = result.stdout.strip()
        if result.returncode != 0 or handlers != 'fake-browser.desktop fake-browser.desktop':
            raise Failure('the fake browser is not the default for http and https',
                          [f'handlers: {handlers!r}', result.stderr.strip()])
        self.poll('the fake browser to write the self-check address',
                  lambda: self.opened_uris() == ['https://example.com/e2e-self-check'],
                  STEP_TIMEOUT, lambda: [f'opened: {self.opened_uris()}'])
        os.remove(self.browser_log)
        self.tap.ok(True, 'a fake browser is the default for http and https links')

    # Reading the screen

    def opened_uris(self):
        try:
            with open(self.browser_log, encoding='utf-8') as f:
                return f.read().splitlines()
        except FileNotFoundError:
            return []

    def story_for(self, name):
        """The sample story whose headline starts the name, the longest if several do."""
        matches = [s for s in self.stories if name.startswith(s['headline'])]
        return max(matches, key=lambda s: len(s['headline'])) if matches else None

    def rows(self):
        rows = []
        for i in range(self.list.get_child_count()):
            item = self.list.get_child_at_index(i)
            if item is None or item.get_role() != Atspi.Role.LIST_ITEM:
                continue
            name = row_name(item)
            rows.append(Row(item, name, role_states(item), self.story_for(name)))
        return rows

    def row_for(self, rows, story):
        for row in rows:
            if row.story is story:
                return row
        return None

    def selected(self, rows):
        return [row for row in rows if 'selected' in row.states]

    def find_headings(self, force=False):
        # Walking the whole window costs many D-Bus round trips: do it again at most once a second.
        if force or time.monotonic() - self.headings_walked > 1.0:
            self.headings = walk(self.app, [], lambda a: a.get_role() == Atspi.Role.HEADING)
            self.headings_walked = time.monotonic()
        return self.headings

    def heading_shows(self, headline):
        for heading in self.headings:
            try:
                if heading.get_name() == headline:
                    return True
            except GLib.Error:
                pass
        self.find_headings()
        return False

    def describe(self):
        lines = []
        try:
            for i, row in enumerate(self.rows()):
                lines.append(f'row {i}: {row!r}')
        except (GLib.Error, AttributeError) as error:
            lines.append(f'rows unreadable: {error}')
        try:
            for heading in self.find_headings(force=True):
                lines.append(f'heading: {heading.get_name()!r} {heading.get_attributes()}')
        except (GLib.Error, TypeError) as error:
            lines.append(f'headings unreadable: {error}')
        return lines

    def poll(self, what, condition, timeout, describe=None):
        deadline = time.monotonic() + timeout
        error = None
        while True:
            if self.process is not None and self.process.poll() is not None:
                raise Failure(f'broadsheet exited with status {self.process.returncode} '
                              f'while waiting for {what}')
            try:
                result = condition()
                if result:
                    return result
            except GLib.Error as e:
                error = e
            if time.monotonic() > deadline:
                details = (describe or self.describe)()
                if error is not None:
                    details.append(f'last AT-SPI error: {error}')
                raise Failure(f'timed out after {timeout} s waiting for {what}', details)
            time.sleep(0.1)

    def settle(self, condition, timeout=3):
        """Gives a check that is expected to pass a moment to do so; says whether it did."""
        try:
            self.poll('a check to pass', condition, timeout, lambda: [])
            return True
        except Failure:
            return False

    # The scenario

    def start(self):
        # Anything the app prints goes to stderr, clear of the TAP report.
        self.process = subprocess.Popen([BINARY], env=self.env, stdin=subprocess.DEVNULL,
                                        stdout=sys.stderr)

        def app_on_bus():
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                app = desktop.get_child_at_index(i)
                if app is not None and app.get_process_id() == self.process.pid:
                    return app
            return None

        self.app = self.poll('broadsheet on the accessibility bus', app_on_bus, START_TIMEOUT,
                             lambda: ['no application with the pid of broadsheet'])
        self.app.set_cache_mask(Atspi.Cache.NONE)  # always ask the app: names and states change
        self.tap.ok(self.app.get_name().lower() == 'broadsheet',
                    f'broadsheet is on the accessibility bus (as {self.app.get_name()!r})')

        def headlines_list():
            lists = walk(self.app, [],
                         lambda a: a.get_role() in (Atspi.Role.LIST, Atspi.Role.LIST_BOX)
                         and a.get_name() == 'Headlines')
            return lists[0] if lists else None

        self.list = self.poll('a list named “Headlines”', headlines_list, START_TIMEOUT,
                              lambda: ['no list or list box named “Headlines” in the window'])
        self.tap.ok(True, f'the window has a {self.list.get_role_name()} named “Headlines”')

    def check_first_screen(self):
        count = len(self.stories)

        def all_rows_named():
            rows = self.rows()
            return rows if len(rows) == count and all(row.story for row in rows) else None

        if count <= STORIES_TO_READ:
            raise Failure(f'the sample feed has {count} stories; this test reads {STORIES_TO_READ} '
                          'and needs more')
        rows = self.poll(f'{count} rows in Headlines, each named with its story’s headline',
                         all_rows_named, START_TIMEOUT)
        self.tap.ok(True, f'Headlines has {count} rows, each named with its story’s headline')

        # The tree lists the rows in the order a person sees them; rows below the fold have no
        # size yet, but those on screen must go down the screen in tree order.
        tops = [e.y for e in (row.item.get_extents(Atspi.CoordType.WINDOW) for row in rows)
                if e.width > 0 and e.height > 0]
        self.tap.ok(len(tops) > 0 and tops == sorted(tops),
                    f'the {len(tops)} rows on screen are in the tree in screen order',
                    [f'tops: {tops}'])
        self.order = [row.story for row in rows]
        newest = max(self.stories, key=lambda s: datetime.fromisoformat(s['published']))
        self.tap.ok(self.order[0] is newest, 'the newest story is the first row',
                    [f'first row: {rows[0]!r}', f'newest story: {newest["headline"]!r}'])

        self.settle(lambda: all(row.unread for row in self.rows()))
        rows = self.rows()
        self.tap.ok(all(row.unread for row in rows), 'every row says “Unread”',
                    [f'{row!r}' for row in rows if not row.unread])
        self.tap.ok(not any(row.saved for row in rows), 'no row says “Saved”',
                    [f'{row!r}' for row in rows if row.saved])
        mismatched = [(row, row_widget_name(row.item)) for row in rows
                      if row_widget_name(row.item) != row.name]
        self.tap.ok(not mismatched, 'each row widget has the same name as its list item',
                    [f'item {row.name!r}, row widget {name!r}' for row, name in mismatched])
        self.tap.ok(not self.selected(rows), 'no story is selected at start',
                    [f'{row!r}' for row in self.selected(rows)])


    def check_heading(self, headline):
        """The story pane's headline is a heading (a screen reader can jump to it), level 1."""
        headings = [h for h in self.find_headings(force=True) if h.get_name() == headline]
        self.tap.ok(len(headings) == 1, 'the story pane shows the headline as one heading',
                    self.describe)
        for heading in headings:
            level = heading.get_attributes().get('level')
            if level is None:
                self.tap.note('the heading level is not on the accessibility bus '
                              '(GTK 4.8 does not export it)')
            else:
                self.tap.ok(level == '1', f'the heading is level 1 (level {level})')

    def wait_shown(self, story, key, number=None):
        """Waits until the story's row is the only selected one and the heading shows it."""
        headline = story['headline']

        def shown():
            rows = self.rows()
            selected = self.selected(rows)
            return (len(selected) == 1 and selected[0].story is story
                    and self.heading_shows(headline))

        label = f'{key} #{number}' if number else key
        self.poll(f'“{headline}” to be selected and shown after {label}', shown, STEP_TIMEOUT)
        return headline

    def check_focus_follows(self, story):
        """Keyboard focus is on the selected row (a screen reader speaks the focused row)."""
        def focused():
            row = self.row_for(self.rows(), story)
            return row is not None and 'focused' in row.states

        return self.settle(focused, FOCUS_GRACE)

    def read_stories(self):
        focus_ok = True
        for i in range(STORIES_TO_READ):
            story = self.order[i]
            press('j')
            headline = self.wait_shown(story, 'j', i + 1)
            self.tap.ok(True, f'j #{i + 1} selects and shows story {i + 1}: “{headline}”')
            if i == 0:
                self.check_heading(headline)
            if focus_ok:
                focus_ok = self.check_focus_follows(story)
                self.tap.ok(focus_ok, f'keyboard focus is on the selected row after j #{i + 1}',
                            self.describe)
            # Reading takes a moment: the app marks a story read once it has
            # been shown for a second (the default of the mark-read preference).
            self.poll(f'“{headline}” to be marked read while shown',
                      lambda: not self.row_for(self.rows(), story).unread, STEP_TIMEOUT)

        read, unread = self.order[:STORIES_TO_READ], self.order[STORIES_TO_READ:]

        def states_settled():
            rows = self.rows()
            return (all(self.row_for(rows, s) and not self.row_for(rows, s).unread for s in read)
                    and all(self.row_for(rows, s) and self.row_for(rows, s).unread for s in unread))

        try:
            self.poll(f'the {len(read)} stories read to lose “Unread” and the rest to keep it',
                      states_settled, STEP_TIMEOUT)
            self.tap.ok(True, f'the {len(read)} rows read no longer say “Unread”; '
                        f'the other {len(unread)} still do')
        except Failure as failure:
            self.tap.ok(False, 'rows read no longer say “Unread”, the others still do',
                        [str(failure)] + failure.details)

    def save_two(self):
        last, before = self.order[STORIES_TO_READ - 1], self.order[STORIES_TO_READ - 2]

        def saved_are(stories):
            rows = self.rows()
            return {id(r.story) for r in rows if r.saved} == {id(s) for s in stories}

        press('s')
        self.poll(f'“{last["headline"]}” to say “Saved” after s', lambda: saved_are([last]),
                  STEP_TIMEOUT)
        self.tap.ok(True, 's saves the story shown: its row says “Saved”')
        press('k')
        self.wait_shown(before, 'k')
        self.tap.ok(True, f'k goes back to the previous story: “{before["headline"]}”')
        press('s')
        self.poll('two rows to say “Saved” after k, s', lambda: saved_are([before, last]),
                  STEP_TIMEOUT)
        self.tap.ok(True, 's saves that one too: exactly two rows say “Saved”')
        return before

    def open_in_browser(self, story):
        press('o')
        self.poll(f'the fake browser to be asked for {story["url"]}', self.opened_uris,
                  STEP_TIMEOUT, lambda: ['the fake browser was not started'])
        time.sleep(0.5)  # catch a second launch, if the key opened the page twice
        opened = self.opened_uris()
        self.tap.ok(opened == [story['url']],
                    f'o opens the story’s page in the browser: {story["url"]}',
                    [f'opened: {opened}'])

    def quit(self):
        press('ctrl+q')
        try:
            status = self.process.wait(QUIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Failure(f'broadsheet still runs {QUIT_TIMEOUT} s after ctrl+q')
        self.tap.ok(status == 0, f'ctrl+q quits, with exit status {status}')

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def main():
    global HELD_DISPLAY
    HELD_DISPLAY = hold_display()  # open until the process ends
    check_prerequisites()
    if os.environ.get(PRIVATE_BUS_MARK) != '1':
        run_in_private_bus()

    if os.environ.get(TAP_FD):
        fd = int(os.environ.pop(TAP_FD))
        os.set_inheritable(fd, False)
        sys.stdout = open(fd, 'w', encoding='utf-8', buffering=1)

    tap = Tap()
    tmp = tempfile.mkdtemp(prefix='broadsheet-e2e-')
    session = None
    started = time.monotonic()
    bailed = False
    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, on_term)
    signal.alarm(TOTAL_TIMEOUT)
    try:
        tap.note(f'binary: {BINARY}')
        session = Session(tap, tmp)
        session.check_fake_browser()
        session.start()
        session.check_first_screen()
        session.read_stories()
        story = session.save_two()
        session.open_in_browser(story)
        session.quit()
    except Failure as failure:
        tap.bail(str(failure), failure.details)
        bailed = True
    except Timeout as timeout:
        tap.bail(str(timeout))
        bailed = True
    except Exception as error:  # a bug here, or a tool that failed: still clean up
        tap.bail(f'{type(error).__name__}: {error}', traceback.format_exc().splitlines())
        bailed = True
    finally:
        signal.alarm(0)
        if session is not None:
            session.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    tap.note(f'took {time.monotonic() - started:.1f} s')
    if not bailed:
        tap.finish()
    return 1 if bailed or tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
