"""One running app per user and data folder (mopsboard.instance): a start hands its file to the
app that runs, which answers; a socket left by an app that died is taken over; without a
running app a start opens its own window."""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from mopsboard import instance

pytestmark = pytest.mark.skipif(not instance.supported(), reason="needs Unix sockets")


@pytest.fixture(autouse=True)
def own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("MOPSBOARD_HOME", str(tmp_path / "home"))


def serve_one(server: socket.socket, got: list[instance.OpenRequest]) -> threading.Thread:
    def run() -> None:
        server.setblocking(True)
        received = instance.receive(server, timeout=5)
        assert received is not None
        conn, request = received
        got.append(request)
        instance.answer(conn)

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_start_hands_its_file_to_the_running_app(tmp_path: Path) -> None:
    server = instance.listen()
    assert server is not None
    try:
        got: list[instance.OpenRequest] = []
        thread = serve_one(server, got)
        assert instance.hand_over(tmp_path / "plan.mopsboard", "timeline")
        thread.join(5)
        assert got == [instance.OpenRequest((tmp_path / "plan.mopsboard").resolve(), "timeline")]
    finally:
        instance.stop(server)
    assert not instance.address().exists()


def test_without_a_running_app_a_start_opens_its_own_window(tmp_path: Path) -> None:
    assert instance.hand_over(tmp_path / "plan.mopsboard") is False


def test_a_second_app_does_not_take_the_first_ones_socket() -> None:
    first = instance.listen()
    assert first is not None
    try:
        assert instance.listen() is None
    finally:
        instance.stop(first)


def test_a_socket_left_by_an_app_that_died_is_taken_over() -> None:
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(instance.address()))
    dead.close()  # the file stays, nothing listens
    assert instance.address().exists()
    server = instance.listen()
    assert server is not None
    instance.stop(server)


def test_another_data_folder_is_another_app(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = instance.address()
    monkeypatch.setenv("MOPSBOARD_HOME", str(tmp_path / "portable"))
    assert instance.address() != first
    assert len(str(instance.address()).encode()) < 100


def test_without_a_runtime_folder_the_socket_is_in_a_private_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setattr(instance.tempfile, "gettempdir", lambda: str(tmp_path))
    folder = instance.address().parent
    assert folder == tmp_path / f"mopsboard-{os.getuid()}"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_request_that_is_not_one_is_dropped() -> None:
    server = instance.listen()
    assert server is not None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(str(instance.address()))
            client.sendall(b"not json\n")
            server.setblocking(True)
            assert instance.receive(server, timeout=2) is None
    finally:
        instance.stop(server)
