-- The assistant's data, in H2 (in memory). Seeded by data.sql at startup.
CREATE TABLE users (
    id   BIGINT PRIMARY KEY,
    name VARCHAR(64) NOT NULL
);

CREATE TABLE habits (
    id   BIGINT PRIMARY KEY,
    name VARCHAR(64) NOT NULL
);

CREATE TABLE reminders (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id  BIGINT       NOT NULL,
    habit_id BIGINT       NOT NULL,
    due_at   TIMESTAMP    NOT NULL,
    note     VARCHAR(120) NOT NULL
);
-- The reminders query (a user's next reminders by due time) needs this index: without it, every
-- request scans all reminders (REGRESSION_INDEX_DROPPED drops it).
CREATE INDEX reminders_user_due ON reminders (user_id, due_at);

-- Nutrition facts per 100 g. Names are looked up case-insensitively, which no index serves: the
-- lookup scans the table, and the nutrition cache is what keeps food logging fast.
CREATE TABLE foods (
    id      BIGINT PRIMARY KEY,
    name    VARCHAR(64)  NOT NULL,
    kcal    DECIMAL(7,2) NOT NULL,
    protein DECIMAL(6,2) NOT NULL,
    carbs   DECIMAL(6,2) NOT NULL,
    fat     DECIMAL(6,2) NOT NULL
);

CREATE TABLE food_log (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id   BIGINT       NOT NULL,
    food_id   BIGINT       NOT NULL,
    grams     DECIMAL(7,1) NOT NULL,
    kcal      DECIMAL(8,2) NOT NULL,
    logged_at TIMESTAMP    NOT NULL
);

CREATE TABLE xp_events (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id   BIGINT    NOT NULL,
    points    INT       NOT NULL,
    earned_at TIMESTAMP NOT NULL
);

CREATE TABLE chat_messages (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id    BIGINT        NOT NULL,
    role       VARCHAR(16)   NOT NULL,
    content    VARCHAR(4000) NOT NULL,
    created_at TIMESTAMP     NOT NULL
);
CREATE INDEX chat_messages_user ON chat_messages (user_id, id);
