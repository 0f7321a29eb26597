"""Background work on exactly one instance at a time, handed over when its holder is killed.

Covers: three instances on one PostgreSQL database with an SMTP server
configured; one of them takes the mail job's lease and delivers the outbox.
The test SIGKILLs that holder in the middle of a batch (while its SMTP
transaction for the 6th of 30 messages is open, after it claimed it and
before any of its data was accepted), and another instance takes the job over
when the lease runs out (10 s) and delivers the rest: every message arrives
exactly once, none is lost and none is sent twice. A holder stopped cleanly
(SIGTERM) releases its lease, and the other instance takes it at once under
the next fencing token.

Why: issue 21 §3 (background work runs on exactly one instance at a time; a
test kills the holder mid-batch) and decision 0029: a lease row with a
fencing token that every write of a batch checks in its transaction, and
claims made under an older token void for the next holder.
"""

from __future__ import annotations

import asyncio
import signal
import threading
from collections import Counter

from cluster_shared_support import ON_POSTGRESQL_ONLY, instances, wait_until
from identity_support import MailSink

pytestmark = ON_POSTGRESQL_ONLY

MESSAGES = 30
PAUSE_AT = 6  # the SMTP transaction the holder is killed in
TAKEN = '"msg":"job lease taken","job":"mail-sender"'


class PausingSink(MailSink):
    """A MailSink that holds the `pause_at`-th SMTP transaction at MAIL FROM until released."""

    def __init__(self, pause_at: int):
        super().__init__()
        self.pause_at = pause_at
        self.transactions = 0
        self.paused = threading.Event()
        self.release = threading.Event()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: N802 (aiosmtpd's hook)
        self.transactions += 1
        if self.transactions == self.pause_at:
            self.paused.set()
            while not self.release.is_set():
                await asyncio.sleep(0.02)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    def message_ids(self) -> Counter:
        with self._cond:
            return Counter(str(m["Message-ID"]) for _, m in self.messages)


def test_killing_the_mail_holder_mid_batch_hands_the_job_over_and_every_message_goes_out_once(
        server_factory, databases):
    sink = PausingSink(PAUSE_AT).start()
    try:
        servers = instances(server_factory, databases, 3, ["--smtp-url", sink.url])
        url = servers[0].database_url
        holders = wait_until(lambda: [s for s in servers if TAKEN in s.log_text()], 20,
                             "an instance took the mail job's lease")
        assert len(holders) == 1, [s.base_url for s in holders]
        holder = holders[0]
        databases.execute(url, "INSERT INTO mail_outbox (id, to_address, subject, body, status, attempts, "
                               "next_attempt_at, created_at) SELECT gen_random_uuid(), "
                               "'reader' || g || '@example.test', 'Message ' || g, 'Hello.', 'pending', 0, "
                               f"now(), now() FROM generate_series(1, {MESSAGES}) g")
        expected = {f"<{row[0]}@deltalabs>" for row in databases.execute(url, "SELECT id FROM mail_outbox")}

        wait_until(sink.paused.is_set, 30, f"the holder opened SMTP transaction #{PAUSE_AT}")
        assert len(sink.message_ids()) == PAUSE_AT - 1  # mid-batch: some delivered, most not
        holder.stop(signal.SIGKILL)
        sink.release.set()

        def all_sent():
            return databases.execute(url, "SELECT count(*) FROM mail_outbox WHERE status = 'sent'") == \
                [(str(MESSAGES),)]
        wait_until(all_sent, 60, "every message marked sent after the holder was killed")
        others = [s for s in servers if s is not holder]
        assert [s for s in others if TAKEN in s.log_text()], "no other instance took the job over"
        received = sink.message_ids()
        assert set(received) == expected
        assert [mid for mid, n in received.items() if n > 1] == []
    finally:
        sink.release.set()
        sink.stop()


def test_a_cleanly_stopped_holder_releases_its_leases_so_another_instance_takes_them_at_once(
        server_factory, databases):
    """SIGTERM (a rolling restart) releases the leases: the next holder needn't wait out the 10 s."""
    sink = MailSink().start()
    try:
        servers = instances(server_factory, databases, 2, ["--smtp-url", sink.url])
        holders = wait_until(lambda: [s for s in servers if TAKEN in s.log_text()], 20,
                             "an instance took the mail job's lease")
        holder, other = holders[0], next(s for s in servers if s is not holders[0])
        tokens = databases.execute(holder.database_url,
                                   "SELECT fencing_token FROM job_leases WHERE name = 'mail-sender'")
        assert holder.stop() == 0
        wait_until(lambda: TAKEN in other.log_text(), 5, "the other instance took the released lease")
        after = databases.execute(holder.database_url,
                                  "SELECT fencing_token FROM job_leases WHERE name = 'mail-sender'")
        assert int(after[0][0]) == int(tokens[0][0]) + 1
    finally:
        sink.stop()
