"""Numbered schema migrations. Append new ones; never edit one that has shipped.

People are keyed by their pseudonym (a keyed HMAC of the Telegram id). Raw
Telegram ids appear only in the `ptb_state` persistence table and in `contacts`,
and every such row can be deleted for one person.
"""

from storage.database import Migration, Schema

# `PRAGMA application_id` marks each file as ours ("FBop", "FBrp"), so that another
# application's database is never adopted, nor one of ours opened as the other.
OPERATIONAL = Schema(
    0x4642_6F70,
    Migration(
        1,
        "responses, answers, contacts, review links, bot persistence",
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            reference_hash TEXT NOT NULL UNIQUE,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE review_links (
            token TEXT PRIMARY KEY,
            review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
            audience_group TEXT NOT NULL
                CHECK (audience_group IN ('young_person', 'parent_carer')),
            created_at TEXT NOT NULL
        );
        CREATE TABLE responses (
            id INTEGER PRIMARY KEY,
            respondent TEXT NOT NULL,
            flow_id TEXT NOT NULL,
            audience_group TEXT NOT NULL
                CHECK (audience_group IN ('young_person', 'parent_carer', 'practitioner')),
            audience TEXT NOT NULL,
            review_id INTEGER REFERENCES reviews(id) ON DELETE SET NULL,
            status TEXT NOT NULL DEFAULT 'partial' CHECK (status IN ('partial', 'complete')),
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            completed_at TEXT
        );
        CREATE INDEX responses_by_respondent ON responses(respondent);
        CREATE INDEX responses_by_started ON responses(started_at);
        CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
            step_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            choice TEXT,
            text TEXT,
            skipped INTEGER NOT NULL DEFAULT 0,
            answered_at TEXT NOT NULL,
            UNIQUE (response_id, step_id)
        );
        CREATE TABLE contacts (
            respondent TEXT PRIMARY KEY,
            chat_id INTEGER NOT NULL,
            hear_back INTEGER NOT NULL DEFAULT 0,
            consented_at TEXT,
            blocked_at TEXT
        );
        CREATE TABLE ptb_conversations (
            name TEXT NOT NULL,
            key TEXT NOT NULL,
            state TEXT NOT NULL,
            PRIMARY KEY (name, key)
        );
        CREATE TABLE ptb_user_data (
            user_id INTEGER PRIMARY KEY,
            data TEXT NOT NULL
        );
        CREATE TABLE ptb_chat_data (
            chat_id INTEGER PRIMARY KEY,
            data TEXT NOT NULL
        )
        """,
    ),
    Migration(
        2,
        "safeguarding events, their messages, and the outbox that delivers alerts",
        """
        CREATE TABLE safeguarding_events (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            respondent TEXT NOT NULL,
            text TEXT NOT NULL,
            category TEXT NOT NULL,
            strength TEXT NOT NULL,
            triggers TEXT NOT NULL,
            source TEXT NOT NULL,
            chat_type TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_alerted_at TEXT NOT NULL,
            acknowledged_by TEXT,
            acknowledged_at TEXT,
            closed_at TEXT
        );
        CREATE INDEX safeguarding_by_respondent ON safeguarding_events(respondent);
        CREATE TABLE safeguarding_messages (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES safeguarding_events(id),
            direction TEXT NOT NULL CHECK (direction IN ('to_person', 'from_person')),
            sender TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            event_id INTEGER REFERENCES safeguarding_events(id),
            chat_id INTEGER,
            respondent TEXT,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            buttons TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            sent_at TEXT,
            failed_at TEXT,
            message_id INTEGER,
            last_error TEXT,
            created_at TEXT NOT NULL,
            CHECK ((chat_id IS NULL) != (respondent IS NULL))
        );
        CREATE INDEX outbox_due ON outbox(sent_at, failed_at, next_attempt_at)
        """,
    ),
    Migration(
        3,
        "themes and sentiment of free-text answers, and the team's corrections",
        """
        CREATE TABLE answer_analysis (
            answer_id INTEGER PRIMARY KEY REFERENCES answers(id) ON DELETE CASCADE,
            polarity REAL NOT NULL,
            label TEXT NOT NULL CHECK (label IN ('positive', 'neutral', 'negative')),
            key_phrases TEXT NOT NULL,
            tagged_at TEXT NOT NULL
        );
        CREATE TABLE answer_themes (
            answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
            theme_id TEXT NOT NULL,
            confidence REAL NOT NULL,
            evidence TEXT NOT NULL,
            polarity REAL NOT NULL,
            source TEXT NOT NULL DEFAULT 'tagger' CHECK (source IN ('tagger', 'correction')),
            PRIMARY KEY (answer_id, theme_id)
        );
        CREATE INDEX answer_themes_by_theme ON answer_themes(theme_id);
        CREATE TABLE theme_corrections (
            id INTEGER PRIMARY KEY,
            answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            theme_id TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('add', 'remove')),
            corrected_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """,
    ),
    Migration(
        4,
        "invites, roles, staff profiles and reminders; answers flagged for safeguarding",
        """
        CREATE TABLE invites (
            code_hash TEXT PRIMARY KEY,
            role TEXT NOT NULL
                CHECK (role IN ('practitioner', 'participation', 'safeguarding', 'admin')),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT,
            used_by TEXT
        );
        CREATE TABLE roles (
            respondent TEXT NOT NULL,
            role TEXT NOT NULL,
            granted_at TEXT NOT NULL,
            PRIMARY KEY (respondent, role)
        );
        CREATE TABLE staff (
            respondent TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            team TEXT NOT NULL,
            reminders INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );
        CREATE TABLE reminders (
            id INTEGER PRIMARY KEY,
            respondent TEXT NOT NULL,
            sent_at TEXT NOT NULL
        );
        CREATE INDEX reminders_by_respondent ON reminders(respondent, sent_at);
        ALTER TABLE answers ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0
        """,
    ),
    Migration(
        5,
        "you said, we did: actions against themes",
        """
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            theme_id TEXT NOT NULL,
            you_said TEXT NOT NULL,
            we_did TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('planned', 'in progress', 'done')),
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            broadcast_at TEXT
        )
        """,
    ),
    Migration(
        6,
        "covering indexes, and the response's group and start time copied onto each theme"
        " mention, so a window of 100,000 responses is summarised in about a second",
        """
        CREATE INDEX responses_for_reports
            ON responses(started_at, id, audience_group, flow_id, status);
        CREATE INDEX answers_for_reports
            ON answers(response_id, skipped, flagged, step_id, choice);
        ALTER TABLE answer_themes ADD COLUMN response_id INTEGER;
        ALTER TABLE answer_themes ADD COLUMN audience_group TEXT;
        ALTER TABLE answer_themes ADD COLUMN started_at TEXT;
        ALTER TABLE answer_themes ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
        UPDATE answer_themes SET
            response_id = (SELECT a.response_id FROM answers a
                           WHERE a.id = answer_themes.answer_id),
            flagged = (SELECT a.flagged FROM answers a WHERE a.id = answer_themes.answer_id);
        UPDATE answer_themes SET
            audience_group = (SELECT r.audience_group FROM responses r
                              WHERE r.id = answer_themes.response_id),
            started_at = (SELECT r.started_at FROM responses r
                          WHERE r.id = answer_themes.response_id);
        CREATE INDEX answer_themes_for_reports
            ON answer_themes(started_at, theme_id, audience_group, response_id, polarity, flagged);
        CREATE INDEX answer_themes_by_polarity ON answer_themes(theme_id, polarity)
        """,
    ),
    Migration(
        7,
        "audit log; answers marked as good practice or needing action",
        """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            allowed INTEGER NOT NULL,
            created_at TEXT NOT NULL
        );
        ALTER TABLE answers ADD COLUMN good_practice INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE answers ADD COLUMN needs_action INTEGER NOT NULL DEFAULT 0
        """,
    ),
    Migration(
        8,
        "a response's updated_at follows its answers",
        """
        CREATE TRIGGER answer_added_touches_response AFTER INSERT ON answers
        BEGIN
            UPDATE responses SET updated_at = NEW.answered_at WHERE id = NEW.response_id;
        END;
        CREATE TRIGGER answer_changed_touches_response AFTER UPDATE OF answered_at ON answers
        BEGIN
            UPDATE responses SET updated_at = NEW.answered_at WHERE id = NEW.response_id;
        END
        """,
    ),
    Migration(
        9,
        "persistence in one table, so one statement writes everything an update changed",
        """
        CREATE TABLE ptb_state (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (kind, key)
        ) WITHOUT ROWID;
        INSERT INTO ptb_state (kind, key, data)
            SELECT 'user', CAST(user_id AS TEXT), data FROM ptb_user_data;
        INSERT INTO ptb_state (kind, key, data)
            SELECT 'chat', CAST(chat_id AS TEXT), data FROM ptb_chat_data;
        INSERT INTO ptb_state (kind, key, data)
            SELECT 'conversation:' || name, key, state FROM ptb_conversations;
        DROP TABLE ptb_user_data;
        DROP TABLE ptb_chat_data;
        DROP TABLE ptb_conversations
        """,
    ),
    Migration(
        10,
        "an answer's tagging always describes its current text",
        """
        CREATE TRIGGER answer_text_changed_clears_tagging
            AFTER UPDATE OF text, flagged ON answers
            WHEN NEW.text IS NOT OLD.text OR NEW.flagged IS NOT OLD.flagged
        BEGIN
            DELETE FROM answer_analysis WHERE answer_id = NEW.id;
            DELETE FROM answer_themes
                WHERE answer_id = NEW.id AND (source = 'tagger' OR NEW.text IS NULL);
        END;
        DELETE FROM answer_themes
            WHERE answer_id IN (SELECT id FROM answers WHERE text IS NULL);
        DELETE FROM answer_themes WHERE source = 'tagger' AND answer_id IN (
            SELECT n.answer_id FROM answer_analysis n JOIN answers a ON a.id = n.answer_id
            WHERE n.tagged_at < a.answered_at);
        DELETE FROM answer_analysis WHERE answer_id IN (
            SELECT n.answer_id FROM answer_analysis n JOIN answers a ON a.id = n.answer_id
            WHERE a.text IS NULL OR n.tagged_at < a.answered_at);
        UPDATE answer_themes
            SET flagged = (SELECT a.flagged FROM answers a WHERE a.id = answer_themes.answer_id)
        """,
    ),
    Migration(
        11,
        "a flagged answer names its safeguarding event; a contact may mark one not a concern",
        """
        ALTER TABLE answers ADD COLUMN safeguarding_event INTEGER
            REFERENCES safeguarding_events(id);
        CREATE INDEX answers_by_safeguarding_event ON answers(safeguarding_event)
            WHERE safeguarding_event IS NOT NULL;
        ALTER TABLE safeguarding_events ADD COLUMN not_a_concern_by TEXT;
        ALTER TABLE safeguarding_events ADD COLUMN not_a_concern_at TEXT
        """,
    ),
    Migration(
        12,
        "an outbox message whose sending Telegram may have done, its answer lost",
        """
        ALTER TABLE outbox ADD COLUMN uncertain INTEGER NOT NULL DEFAULT 0
        """,
    ),
    Migration(
        13,
        "the inbox: each update is stored before Telegram is told it arrived",
        """
        CREATE TABLE inbox (
            update_id INTEGER PRIMARY KEY,
            payload TEXT,
            received_at TEXT NOT NULL,
            handled_at TEXT
        );
        CREATE INDEX inbox_unhandled ON inbox(update_id) WHERE handled_at IS NULL
        """,
    ),
    Migration(
        14,
        "key phrases were never read: they are no longer worked out for each answer, nor kept",
        """
        ALTER TABLE answer_analysis DROP COLUMN key_phrases
        """,
    ),
    Migration(
        15,
        "the web chat: sessions known by a hash of their cookie, and what each page shows",
        """
        CREATE TABLE web_sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            token_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            seen_at TEXT NOT NULL
        );
        CREATE TABLE web_messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES web_sessions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            sender TEXT NOT NULL CHECK (sender IN ('bot', 'person')),
            body TEXT NOT NULL,
            buttons TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX web_messages_by_session ON web_messages(session_id, seq)
        """,
    ),
    Migration(
        16,
        "each answer's language, so a quote is shown in its own words and marked with it",
        """
        ALTER TABLE answers ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
        """,
    ),
)

# The QA reporting store holds aggregates and de-identified text only.
REPORTING = Schema(
    0x4642_7270,
    Migration(
        1,
        "store information",
        """
        CREATE TABLE store_info (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        INSERT INTO store_info (key, value)
            VALUES ('contents', 'aggregates and de-identified quotes only')
        """,
    ),
    Migration(
        2,
        "reflection-window summaries (documented in docs/reporting-store.md)",
        """
        CREATE TABLE summaries (
            window_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('interim', 'final')),
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            built_at TEXT NOT NULL,
            safeguarding_events INTEGER,
            safeguarding_events_label TEXT NOT NULL,
            PRIMARY KEY (window_id, kind)
        );
        CREATE TABLE response_counts (
            window_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            audience_group TEXT NOT NULL,
            complete INTEGER,
            complete_label TEXT NOT NULL,
            partial INTEGER,
            partial_label TEXT NOT NULL,
            FOREIGN KEY (window_id, kind) REFERENCES summaries(window_id, kind) ON DELETE CASCADE
        );
        CREATE TABLE theme_counts (
            window_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            theme_id TEXT NOT NULL,
            theme_label TEXT NOT NULL,
            audience_group TEXT NOT NULL,
            responses INTEGER,
            responses_label TEXT NOT NULL,
            share REAL,
            change INTEGER,
            mean_sentiment REAL,
            FOREIGN KEY (window_id, kind) REFERENCES summaries(window_id, kind) ON DELETE CASCADE
        );
        CREATE TABLE rating_counts (
            window_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            question_id TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            responses INTEGER,
            responses_label TEXT NOT NULL,
            share REAL,
            FOREIGN KEY (window_id, kind) REFERENCES summaries(window_id, kind) ON DELETE CASCADE
        );
        CREATE TABLE quotes (
            window_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            theme_id TEXT NOT NULL,
            sentiment TEXT NOT NULL CHECK (sentiment IN ('positive', 'negative')),
            audience_group TEXT NOT NULL,
            text TEXT NOT NULL,
            FOREIGN KEY (window_id, kind) REFERENCES summaries(window_id, kind) ON DELETE CASCADE
        );
        CREATE TABLE good_practice (
            window_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            FOREIGN KEY (window_id, kind) REFERENCES summaries(window_id, kind) ON DELETE CASCADE
        );
        CREATE TABLE actions (
            window_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            theme_id TEXT NOT NULL,
            you_said TEXT NOT NULL,
            we_did TEXT NOT NULL,
            status TEXT NOT NULL,
            FOREIGN KEY (window_id, kind) REFERENCES summaries(window_id, kind) ON DELETE CASCADE
        )
        """,
    ),
)
