"""Stopping cleanly: Ctrl-C and SIGTERM end a run at once, and nothing half-done is left.

The parent turns both signals into exceptions so that the pool of workers is ended and
the command exits with 130 (Ctrl-C) or 143 (SIGTERM). Workers leave Ctrl-C to the
parent, hold no terminal output open, and end themselves when the parent is gone.
Writing a file is never cut in half: the signals wait until the write is done.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class Stopped(BaseException):
    """The run was stopped by a signal; `code` is the exit code to use.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` catches it.
    """

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _raise_stopped(signum: int, frame: object) -> None:
    raise Stopped(128 + signum)


@contextlib.contextmanager
def stoppable() -> Iterator[None]:
    """SIGTERM raises Stopped(143) and Ctrl-C raises Stopped(130) inside the block."""
    old = signal.signal(signal.SIGTERM, _raise_stopped)
    try:
        yield
    except KeyboardInterrupt:
        raise Stopped(130) from None
    finally:
        signal.signal(signal.SIGTERM, old)


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block is done; they take effect right after.

    Masking the signals is not enough: one that arrived just before the block may have
    its Python handler run inside it. So the block also swaps in handlers that only note
    the signal, and the signals noted are raised again once the block is done.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    kinds = (signal.SIGINT, signal.SIGTERM)
    old = {s: signal.signal(s, lambda signum, frame: held.append(signum)) for s in kinds}
    block = getattr(signal, "pthread_sigmask", None)
    mask = block(signal.SIG_BLOCK, set(kinds)) if block is not None else None
    try:
        yield
    finally:
        if block is not None and mask is not None:
            block(signal.SIG_SETMASK, mask)  # a signal held by the mask is noted now
        for s, handler in old.items():
            signal.signal(s, handler)
        for s in dict.fromkeys(held):
            signal.raise_signal(s)


def start_worker(parent: int) -> None:
    """Set up a worker process of the pool (its initializer)."""
    # Ctrl-C reaches every process of the terminal's group: the parent handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # Results go back through the pool; a worker's own copy of stdout and stderr would
    # keep a pipe such as `plainlint check | less` open after the parent is gone.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    # A parent killed outright cannot end its workers: they notice and end themselves.
    while os.getppid() == parent:
        time.sleep(0.25)
    # A signal, not os._exit: a file being written is finished first (uninterrupted).
    os.kill(os.getpid(), signal.SIGTERM)
