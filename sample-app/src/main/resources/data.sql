-- Seed data, generated in the database (no row crosses JDBC), sized so that the queries do real work
-- and startup stays a few seconds: 1,000 users, each with 100 reminders (half of them due in the coming
-- year) and about 50 XP events, and 10,000 foods.
INSERT INTO users (id, name) SELECT X, 'user-' || X FROM SYSTEM_RANGE(1, 1000);

INSERT INTO habits (id, name) SELECT X, 'habit-' || X FROM SYSTEM_RANGE(1, 40);

-- User by user, so that the index on (user_id, due_at) grows at its end rather than everywhere.
INSERT INTO reminders (user_id, habit_id, due_at, note)
SELECT (X - 1) / 100 + 1, MOD(X * 7, 40) + 1,
       DATEADD('MINUTE', MOD(X * 7919, 1051200) - 525600, CURRENT_TIMESTAMP),
       'reminder ' || X
FROM SYSTEM_RANGE(1, 100000);

INSERT INTO foods (id, name, kcal, protein, carbs, fat)
SELECT X, CASE MOD(X, 8) WHEN 0 THEN 'Apple ' WHEN 1 THEN 'Banana ' WHEN 2 THEN 'Oatmeal ' WHEN 3 THEN 'Rice '
                         WHEN 4 THEN 'Chicken ' WHEN 5 THEN 'Yogurt ' WHEN 6 THEN 'Lentils ' ELSE 'Salmon ' END || X,
       20 + MOD(X * 13, 500), MOD(X * 7, 30), MOD(X * 11, 80), MOD(X * 3, 25)
FROM SYSTEM_RANGE(1, 10000);

INSERT INTO xp_events (user_id, points, earned_at)
SELECT MOD(X * 31, 1000) + 1, 5 + MOD(X * X, 97), DATEADD('MINUTE', -MOD(X, 525600), CURRENT_TIMESTAMP)
FROM SYSTEM_RANGE(1, 50000);
