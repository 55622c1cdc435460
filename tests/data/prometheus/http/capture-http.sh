#!/bin/sh
# Captures, byte for byte, answers of the real Prometheus of the monitoring image
# (slurmdeck/monitoring:2.42) to the HTTP/1.0 requests SlurmDeck sends through an SSH channel
# (httpFormPost): a query, a bad query, an unknown path. Run standalone on this machine's
# dockerd. Usage: tests/data/prometheus/http/capture-http.sh   (needs docker and python3)
set -eu
cd "$(dirname "$0")"
image=slurmdeck/monitoring:2.42 port=19091
cleanup() { docker rm -f sdm-prom-http >/dev/null 2>&1 || true; }
trap cleanup EXIT
docker run -d --name sdm-prom-http -p 127.0.0.1:$port:9090 $image prometheus >/dev/null
sleep 25   # a scrape of itself, so `up` has a series
python3 - "$port" <<'PY'
import socket, sys
port = int(sys.argv[1])
def ask(name, path, form):
    request = (f"POST {path} HTTP/1.0\r\nHost: 127.0.0.1:9090\r\n"
               "Content-Type: application/x-www-form-urlencoded\r\n"
               f"Content-Length: {len(form)}\r\nConnection: close\r\n\r\n{form}").encode()
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(request)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    # The Date header changes each run; the rest is as Prometheus wrote it.
    open(name, "wb").write(answer)
ask("query_up.http", "/api/v1/query", "query=up")
ask("bad_data.http", "/api/v1/query", "query=up%7B")
ask("not_found.http", "/api/v1/nothing", "query=up")
PY
