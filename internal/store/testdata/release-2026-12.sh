#!/bin/bash
# Makes testdata/release-2026-12.db: a database written by the tilmash of
# commit 4eedee9 (the December 2026 release, the last whose schema came from
# GORM's AutoMigrate), with a row in every table: users and tokens, a document
# with two revisions, translations approved, translated, rejected and
# outdated, two releases (one withdrawn) with their webhook outbox and failed
# deliveries, TM units from `tm import`, a glossary term, a sign-in counter
# and a session. TestUpgradeRelease202612 upgrades a copy of it.
#
# Build that release first, then run this and copy the result:
#   git worktree add /tmp/old 4eedee9 && (cd /tmp/old && go build -o /tmp/tilmash-old ./cmd/tilmash)
#   bash internal/store/testdata/release-2026-12.sh && cp /tmp/fx/release.db internal/store/testdata/release-2026-12.db
# Needs curl and the sqlite3 CLI (for the last checkpoint and VACUUM).
set -euo pipefail
B=${TILMASH_OLD:-/tmp/tilmash-old}
D=/tmp/fx; rm -rf $D; mkdir -p $D; DB=$D/release.db
cd $D
tok() { tail -1; }
ADMIN=$(printf 'admin-password-1\n' | $B user add --db $DB --name admin --role admin --password-stdin | tok)
TR=$(printf 'translator-pass-1\n' | $B user add --db $DB --name aigerim --role translator:kk --role translator:en --password-stdin | tok)
RV=$(printf 'reviewer-pass-1\n' | $B user add --db $DB --name nurlan --role reviewer:kk --role reviewer:en --password-stdin | tok)
PB=$(printf 'publisher-pass-1\n' | $B user add --db $DB --name dana --role publisher --password-stdin | tok)
printf 'Форум в Астане.\n\nВстреча начнётся в десять часов. Участники обсудят перевод.\n' > doc1.txt
$B import --db $DB --title "Форум" doc1.txt
cat > small.tmx <<'TMX'
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="fx" creationtoolversion="1" segtype="sentence" o-tmf="fx" adminlang="en" srclang="ru" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="ru"><seg>Добро пожаловать на форум.</seg></tuv><tuv xml:lang="kk"><seg>Форумға қош келдіңіздер.</seg></tuv></tu>
<tu><tuv xml:lang="ru"><seg>Участники обсудят доклад.</seg></tuv><tuv xml:lang="kk"><seg>Қатысушылар баяндаманы талқылайды.</seg></tuv></tu>
</body></tmx>
TMX
$B tm import --db $DB --lang kk --user admin small.tmx
$B serve --addr 127.0.0.1:18391 --db $DB --webhook http://127.0.0.1:9/hook --webhook-secret fixture-secret > serve.log 2>&1 &
SP=$!
trap 'kill $SP 2>/dev/null || true' EXIT
T=http://127.0.0.1:18391
for i in $(seq 50); do curl -sf $T/healthz >/dev/null && break; sleep 0.1; done
api() { local tok=$1 m=$2 p=$3; shift 3; curl -s -X $m "$T/api/v1$p" -H "Authorization: Bearer $tok" "$@"; echo; }
api $TR PUT /segments/1/translations/kk -d '{"target": "Астанадағы форум.", "version": 0}'
api $RV POST /segments/1/translations/kk/approve -d '{"version": 1}'
api $TR PUT /segments/2/translations/kk -d '{"target": "Кездесу он сағатта басталады.", "version": 0}'
api $RV POST /segments/2/translations/kk/reject -d '{"version": 1, "comment": "Сағат 10 деп жазыңыз."}'
api $TR PUT /segments/3/translations/kk -d '{"target": "Қатысушылар аударманы талқылайды.", "version": 0}'
api $RV POST /segments/3/translations/kk/approve -d '{"version": 1}'
api $TR PUT /segments/1/translations/en -d '{"target": "A forum in Astana.", "version": 0}'
api $ADMIN POST /glossary/kk -d '{"source": "форум", "target": "форум", "note": "fixture", "forbidden": ["жиын"]}'
api $PB POST /documents/1/releases -d '{"lang": "kk", "allow_partial": true, "reason": "fixture: one segment rejected"}'
api $RV POST /segments/2/translations/kk/approve -d '{"version": 1}' || true
api $TR PUT /segments/2/translations/kk -d '{"target": "Кездесу сағат 10-да басталады.", "version": 2}'
api $RV POST /segments/2/translations/kk/approve -d '{"version": 3}'
api $PB POST /documents/1/releases -d '{"lang": "kk"}'
api $PB POST /releases/1/withdraw -d '{"reason": "fixture: superseded"}'
api $ADMIN PUT /documents/1 -d '{"text": "Форум в Астане.\n\nВстреча начнётся в одиннадцать часов. Участники обсудят перевод.\n"}'
api $TR PUT /segments/3/translations/en -d '{"target": "Participants will discuss the translation.", "version": 0}'
api $RV POST /segments/3/translations/en/reject -d '{"version": 1, "comment": "fixture: say which translation"}'
# sign-in: one failure (a throttle counter) and one success (a session)
curl -s -c jar -b jar $T/signin > signin.html
CSRF=$(grep -o 'name="csrf" value="[^"]*"' signin.html | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -w 'bad sign-in %{http_code}\n' -c jar -b jar $T/signin --data-urlencode "csrf=$CSRF" --data-urlencode name=aigerim --data-urlencode password=wrong-password-1 --data-urlencode next=/
curl -s -o /dev/null -w 'good sign-in %{http_code}\n' -c jar -b jar $T/signin --data-urlencode "csrf=$CSRF" --data-urlencode name=aigerim --data-urlencode password=translator-pass-1 --data-urlencode next=/
sleep 1
kill -TERM $SP; wait $SP || true
trap - EXIT
sqlite3 $DB 'PRAGMA wal_checkpoint(TRUNCATE); VACUUM;'
rm -f $DB.tm
for t in $(sqlite3 $DB "select name from sqlite_master where type='table' order by name"); do echo "$t $(sqlite3 $DB "select count(*) from $t")"; done
ls -la $D
