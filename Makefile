# qingdan — the two commands a newcomer needs: `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test venv load serve neo4j-up neo4j-down test-only bench fuzz accuracy vectors topic-judge priors clean

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null || { echo "需要 Python 3.11（$(PY)）"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

load: venv
	$(BIN)/qingdan load

serve: venv
	$(BIN)/qingdan serve

# set up, validate and load the bundled Shantou catalog, then serve on 127.0.0.1:8000
demo: venv
	$(BIN)/qingdan load
	$(BIN)/qingdan serve

neo4j-up:
	bash tools/neo4j/up.sh

neo4j-down:
	bash tools/neo4j/down.sh

test-only: venv
	$(BIN)/python -m pytest -q

# set up, start a real Neo4j, run every test, stop Neo4j (whatever the tests did)
test: venv
	@bash tools/browser/install.sh || { [ "$$CI" = "true" ] && { echo "浏览器测试环境安装失败（CI 中不允许跳过）"; exit 1; } || echo "Chromium 未安装，浏览器测试将跳过"; }
	@bash tools/neo4j/up.sh || { [ "$$CI" = "true" ] && { echo "Neo4j 启动失败（CI 中不允许跳过）"; exit 1; } || echo "Neo4j 未启动，相关测试将跳过"; }
	@status=0; $(BIN)/python -m pytest -q || status=$$?; bash tools/neo4j/down.sh; exit $$status

# every hardening measurement; rewrites docs/reliability.md (~11 min)
bench: venv
	@bash tools/neo4j/up.sh || echo "Neo4j 未启动，Neo4j 各项将跳过"
	@status=0; $(BIN)/python bench/reliability.py || status=$$?; bash tools/neo4j/down.sh; exit $$status

# the closeness-in-meaning vectors of the bundled items (after editing items; a test says when)
vectors: venv
	$(BIN)/python tools/catalog/write_vectors.py

# the on/off-topic judgement for short questions (after editing phrasings, situations or data/catalog/topic_examples.csv)
topic-judge: venv
	$(BIN)/python tools/catalog/write_topic_judge.py

# the verdict and intent priors learnt from the development questions' labels (after adding or relabelling them; a test says when)
priors: venv
	$(BIN)/pip install -q -e '.[test,train]'
	$(BIN)/python tools/catalog/write_priors.py

# accuracy on real public questions (dev and held-out) next to a literal matcher; rewrites docs/accuracy.md
accuracy: venv
	$(BIN)/python bench/accuracy.py --write docs/accuracy.md

# long fuzzing budget, both stores
fuzz: venv
	@bash tools/neo4j/up.sh || echo "Neo4j 未启动，相关测试将跳过"
	@status=0; QINGDAN_FUZZ=long $(BIN)/python -m pytest -q -p no:cacheprovider tests/fuzz tests/security || status=$$?; bash tools/neo4j/down.sh; exit $$status

clean:
	rm -rf $(VENV) .pytest_cache
