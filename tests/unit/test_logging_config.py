"""Log lines from the standard library and from the server come out as JSON too, without secrets."""

from __future__ import annotations

import logging

import structlog

from tests.support.logs import captured_logs


def test_standard_library_lines_are_json_with_their_extras() -> None:
    with captured_logs() as logs:
        logging.getLogger("relais.worker").warning("job %s retried", "j-1", extra={"attempt": 2})
    (record,) = logs.records()
    assert record["event"] == "job j-1 retried"
    assert (record["logger"], record["level"], record["attempt"]) == ("relais.worker", "warning", 2)
    assert record["timestamp"].endswith("Z")


def test_server_lines_lose_their_terminal_colours() -> None:
    with captured_logs() as logs:
        logging.getLogger("uvicorn.error").info(
            "Started server process [%d]", 42, extra={"color_message": "Started server process [\x1b[36m%d\x1b[0m]"}
        )
    (record,) = logs.records()
    assert record == {
        "event": "Started server process [42]",
        "logger": "uvicorn.error",
        "level": "info",
        "timestamp": record["timestamp"],
    }


def test_secrets_passed_by_name_are_redacted() -> None:
    with captured_logs() as logs:
        structlog.stdlib.get_logger("relais.test").info("calling out", Authorization="Bearer abc.def.ghi")
        logging.getLogger("relais.test").info("calling out", extra={"password": "hunter2"})
    assert "abc.def.ghi" not in logs.text
    assert "hunter2" not in logs.text
    assert [record.get("Authorization", record.get("password")) for record in logs.records()] == ["[redacted]"] * 2


def test_the_level_filters_lines_and_the_server_access_log_is_left_to_the_api() -> None:
    with captured_logs("warning") as logs:
        structlog.stdlib.get_logger("relais.test").info("too chatty")
        logging.getLogger("uvicorn.access").info('127.0.0.1 - "GET /v1/employees?cursor=x HTTP/1.1" 200')
        structlog.stdlib.get_logger("relais.test").warning("worth reading")
    assert [record["event"] for record in logs.records()] == ["worth reading"]
