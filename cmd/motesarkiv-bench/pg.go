package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// PostgreSQL is measured as an intranet team would set it up: a table
// of the pre-parsed items, a tsvector in the swedish configuration with
// title > decisions > body > speakers, a GIN index, websearch_to_tsquery,
// ts_rank_cd, GROUP BY for facets and ts_headline for highlights. The
// bench starts a throwaway cluster on a Unix socket in its work folder
// and stops it at the end; if it cannot, the bench fails.

const pgConf = `
listen_addresses = ''
unix_socket_directories = '%s'
shared_buffers = 2GB
work_mem = 64MB
maintenance_work_mem = 1GB
max_wal_size = 8GB
wal_level = minimal
max_wal_senders = 0
synchronous_commit = off
max_parallel_workers_per_gather = 2
max_parallel_maintenance_workers = 2
jit = off
default_text_search_config = 'pg_catalog.swedish'
log_min_messages = warning
`

// pgCluster is a running throwaway PostgreSQL.
type pgCluster struct {
	bin, dir, user string
	pool           *pgxpool.Pool
	version        string
}

// pgBinDir finds the newest server binaries.
func pgBinDir() (string, error) {
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(found) == 0 {
		return "", errors.New("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin: apt-get install postgresql")
	}
	sort.Slice(found, func(i, j int) bool { return pgMajor(found[i]) < pgMajor(found[j]) })
	return filepath.Dir(found[len(found)-1]), nil
}

func pgMajor(path string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return n
}

// startPG creates and starts a cluster in dir. As root, the server runs
// as the postgres user, which initdb requires.
func startPG(ctx context.Context, dir string, conns int) (*pgCluster, error) {
	bin, err := pgBinDir()
	if err != nil {
		return nil, err
	}
	c := &pgCluster{bin: bin, dir: dir}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if os.Geteuid() == 0 {
		c.user = "postgres"
		u, err := user.Lookup(c.user)
		if err != nil {
			return nil, fmt.Errorf("postgresql runs as the postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	if err := c.run(ctx, "initdb", "-D", data, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "-A", "trust"); err != nil {
		return nil, err
	}
	if err := c.appendConf(ctx, filepath.Join(data, "postgresql.conf"), fmt.Sprintf(pgConf, dir)); err != nil {
		return nil, err
	}
	if err := c.run(ctx, "pg_ctl", "-D", data, "-l", filepath.Join(dir, "log"), "-w", "start"); err != nil {
		return nil, err
	}
	cfg, err := pgxpool.ParseConfig(fmt.Sprintf("host=%s user=postgres dbname=postgres", dir))
	if err == nil {
		cfg.MaxConns = int32(conns)
		c.pool, err = pgxpool.NewWithConfig(ctx, cfg)
	}
	if err == nil {
		err = c.pool.QueryRow(ctx, "SHOW server_version").Scan(&c.version)
	}
	if err != nil {
		c.stop()
		return nil, fmt.Errorf("connect to postgresql: %w", err)
	}
	return c, nil
}

func (c *pgCluster) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	path := filepath.Join(c.bin, name)
	if c.user != "" {
		return exec.CommandContext(ctx, "runuser", append([]string{"-u", c.user, "--", path}, args...)...)
	}
	return exec.CommandContext(ctx, path, args...)
}

func (c *pgCluster) run(ctx context.Context, name string, args ...string) error {
	out, err := c.command(ctx, name, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("postgresql %s: %w\n%s", name, err, tail(string(out), 2000))
	}
	return nil
}

// appendConf writes as the cluster's owner, which owns the data folder.
func (c *pgCluster) appendConf(ctx context.Context, path, text string) error {
	var cmd *exec.Cmd
	if c.user != "" {
		cmd = exec.CommandContext(ctx, "runuser", "-u", c.user, "--", "sh", "-c", `cat >> "$0"`, path)
	} else {
		cmd = exec.CommandContext(ctx, "sh", "-c", `cat >> "$0"`, path)
	}
	cmd.Stdin = strings.NewReader(text)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("configure postgresql: %w: %s", err, out)
	}
	return nil
}

// stop shuts the cluster down and leaves its folder for the caller to remove.
func (c *pgCluster) stop() {
	if c.pool != nil {
		c.pool.Close()
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_ = c.run(ctx, "pg_ctl", "-D", filepath.Join(c.dir, "data"), "-m", "fast", "-w", "stop")
}

// pgLoad is what loading the pre-parsed items cost.
type pgLoad struct {
	copyS, indexS, analyzeS float64
	total                   time.Duration
	ginBytes, totalBytes    int64
	rows                    int
}

const pgCreate = `
CREATE TABLE items (
  id text PRIMARY KEY, meeting_id text, organ text, date date, item text, kind text,
  title text, speakers text[], decisions text[], body text, has_decision boolean,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('swedish', coalesce(decisions_text, '')), 'B') ||
    setweight(to_tsvector('swedish', coalesce(body, '')), 'C') ||
    setweight(to_tsvector('swedish', coalesce(speakers_text, '')), 'D')) STORED,
  decisions_text text, speakers_text text)`

var pgColumns = []string{"id", "meeting_id", "organ", "date", "item", "kind", "title", "speakers",
	"decisions", "body", "has_decision", "decisions_text", "speakers_text"}

// load creates the table, COPYs the items into it (the tsvector is
// computed on the way in) and builds the GIN and date indexes.
func (c *pgCluster) load(ctx context.Context, jsonl string) (pgLoad, error) {
	var r pgLoad
	f, err := os.Open(jsonl)
	if err != nil {
		return r, err
	}
	defer f.Close()
	conn, err := c.pool.Acquire(ctx)
	if err != nil {
		return r, err
	}
	defer conn.Release()
	start := time.Now()
	// One transaction with CREATE TABLE and wal_level=minimal: COPY skips the WAL.
	tx, err := conn.Begin(ctx)
	if err != nil {
		return r, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, pgCreate); err != nil {
		return r, fmt.Errorf("create table: %w", err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var rowErr error
	n, err := tx.CopyFrom(ctx, pgx.Identifier{"items"}, pgColumns, pgx.CopyFromFunc(func() ([]any, error) {
		if !sc.Scan() {
			return nil, sc.Err()
		}
		var it corpusItem
		if rowErr = json.Unmarshal(sc.Bytes(), &it); rowErr != nil {
			return nil, rowErr
		}
		date, err := time.Parse(time.DateOnly, it.Date)
		if err != nil {
			return nil, err
		}
		return []any{it.ID, it.MeetingID, it.Organ, date, it.Item, nullable(it.Kind), it.Title, it.Speakers,
			it.Decisions, it.Body, len(it.Decisions) > 0, strings.Join(it.Decisions, "\n"), strings.Join(it.Speakers, "\n")}, nil
	}))
	if err != nil {
		return r, fmt.Errorf("copy items: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return r, err
	}
	r.rows = int(n)
	r.copyS = time.Since(start).Seconds()
	t := time.Now()
	for _, stmt := range []string{"CREATE INDEX items_tsv ON items USING gin (tsv)", "CREATE INDEX items_date ON items (date)"} {
		if _, err := conn.Exec(ctx, stmt); err != nil {
			return r, fmt.Errorf("%s: %w", stmt, err)
		}
	}
	r.indexS = time.Since(t).Seconds()
	t = time.Now()
	if _, err := conn.Exec(ctx, "VACUUM ANALYZE items"); err != nil {
		return r, err
	}
	r.analyzeS = time.Since(t).Seconds()
	r.total = time.Since(start)
	err = conn.QueryRow(ctx, "SELECT pg_relation_size('items_tsv'), pg_total_relation_size('items')").Scan(&r.ginBytes, &r.totalBytes)
	return r, err
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

const pgQ = "websearch_to_tsquery('swedish', $1)"

// headline is ts_headline as a results page uses it: two short fragments.
const headline = `ts_headline('swedish', body, q, 'MaxFragments=2, MaxWords=20, MinWords=8, StartSel=<mark>, StopSel=</mark>')`

var pgSQL = map[string]string{
	// A page of hits: the exact total, the best 20 by rank, a highlight each.
	"search": `SELECT id, ` + headline + `, n FROM (
	    SELECT id, body, q, ts_rank_cd(tsv, q) AS r, count(*) OVER () AS n
	    FROM items, ` + pgQ + ` q WHERE tsv @@ q ORDER BY r DESC, date DESC LIMIT 20) t`,
	// The same page under a date range and two filters, and every facet
	// counted without its own filter (disjunctive), in one statement.
	"facets": `WITH base AS MATERIALIZED (
	    SELECT id, kind, organ, speakers, date, has_decision, body, q, ts_rank_cd(tsv, q) AS r
	    FROM items, ` + pgQ + ` q WHERE tsv @@ q AND date BETWEEN $2 AND $3),
	  hits AS MATERIALIZED (SELECT * FROM base WHERE kind = $4 AND organ = $5)
	  SELECT 'hit', id, ` + headline + `, (SELECT count(*) FROM hits) FROM (SELECT * FROM hits ORDER BY r DESC, date DESC LIMIT 20) h
	  UNION ALL SELECT 'total', '', '', count(*) FROM hits
	  UNION ALL SELECT 'kind', coalesce(kind, ''), '', count(*) FROM base WHERE organ = $5 GROUP BY 2
	  UNION ALL SELECT 'organ', organ, '', count(*) FROM base WHERE kind = $4 GROUP BY organ
	  UNION ALL (SELECT 'speaker', s, '', count(*) FROM hits, unnest(speakers) s GROUP BY s ORDER BY 4 DESC LIMIT 500)
	  UNION ALL SELECT 'year', to_char(date, 'YYYY'), '', count(*) FROM hits GROUP BY 2
	  UNION ALL SELECT 'month', to_char(date, 'YYYY-MM'), '', count(*) FROM hits GROUP BY 2
	  UNION ALL SELECT 'decision', has_decision::text, '', count(*) FROM hits GROUP BY 2`,
	// Every matching item with every occurrence marked in context.
	"mentions": `SELECT id, meeting_id, ts_headline('swedish', body, q,
	    'MaxFragments=1000, MaxWords=15, MinWords=5, StartSel=<mark>, StopSel=</mark>')
	  FROM items, ` + pgQ + ` q WHERE tsv @@ q ORDER BY date, id`,
}

// exec runs one query of the mix and returns the total it reports.
func (c *pgCluster) exec(ctx context.Context, q query) (int, error) {
	switch q.class {
	case classFacets:
		rows, err := c.pool.Query(ctx, pgSQL["facets"], q.text, q.from, q.to, q.kind, q.organ)
		if err != nil {
			return 0, err
		}
		total := 0
		for rows.Next() {
			var kind, value, text string
			var n int
			if err := rows.Scan(&kind, &value, &text, &n); err != nil {
				rows.Close()
				return 0, err
			}
			if kind == "total" {
				total = n
			}
		}
		return total, rows.Err()
	case classMentions:
		rows, err := c.pool.Query(ctx, pgSQL["mentions"], q.text)
		if err != nil {
			return 0, err
		}
		n := 0
		for rows.Next() {
			var id, meeting, text string
			if err := rows.Scan(&id, &meeting, &text); err != nil {
				rows.Close()
				return 0, err
			}
			n++
		}
		return n, rows.Err()
	}
	rows, err := c.pool.Query(ctx, pgSQL["search"], q.text)
	if err != nil {
		return 0, err
	}
	total := 0
	for rows.Next() {
		var id, text string
		if err := rows.Scan(&id, &text, &total); err != nil {
			rows.Close()
			return 0, err
		}
	}
	return total, rows.Err()
}
