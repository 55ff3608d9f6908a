"""The README's Spark recipe, run for real: PySpark in local mode (local[2])
pipes a record stream through `lede --input jsonl` with RDD.pipe.

The recipe is not copied here: it is read from the README's Spark block and
executed as written, with `sc` standing for a real SparkContext whose
textFile reads the local record file whatever path the recipe names. The
job then checks that every record came back once and that each result equals
a direct run of lede over the same stream.

Usage: python3 job.py LEDE RECORDS.jsonl README.md
"""

import json
import os
import re
import subprocess
import sys


def readme_recipe(readme):
    text = open(readme, encoding="utf-8").read()
    section = text[text.index("**Spark**"):]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    if not match:
        sys.exit("no ```python block after **Spark** in the README")
    return match.group(1)


class LocalFiles:
    """A SparkContext whose textFile reads one local file."""

    def __init__(self, sc, path):
        self._sc, self._path = sc, path

    def textFile(self, _path, minPartitions=2):
        return self._sc.textFile("file://" + os.path.abspath(self._path), minPartitions)

    def wholeTextFiles(self, _path):
        raise SystemExit("the recipe under test reads records, not whole files")


def main():
    lede, records_path, readme = sys.argv[1:4]
    os.environ["PATH"] = os.path.dirname(os.path.abspath(lede)) + os.pathsep + os.environ["PATH"]
    from pyspark import SparkConf, SparkContext

    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("lede-readme-recipe")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.task.maxFailures", "1")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        scope = {"sc": LocalFiles(sc, records_path)}
        exec(compile(readme_recipe(readme), "README.md (Spark recipe)", "exec"), scope)
        results = scope["results"].collect()
        failed = scope["failed"].collect()
        partitions = scope["records"].getNumPartitions()
    finally:
        sc.stop()

    direct = subprocess.run(
        [lede, "--input", "jsonl", "--quiet"],
        stdin=open(records_path, "rb"),
        capture_output=True,
        check=True,
    )
    expected = [json.loads(line) for line in direct.stdout.decode().splitlines()]
    lines = [line for line in open(records_path, encoding="utf-8") if line.strip()]
    problems = []
    if len(results) != len(lines):
        problems.append(f"{len(lines)} records in, {len(results)} results out")
    by_source = {}
    for r in expected:
        by_source.setdefault(r["source"], []).append(r)
    for r in results:
        if r.get("error"):
            # A record's line is counted within its partition's stream (and
            # the message names it): compare the rest.
            def same(e):
                return dict(e, line=None, error=e["error"]["kind"])

            r = same(r)
            want = [same(e) for e in by_source.get(r["source"], [])]
        else:
            want = by_source.get(r["source"], [])
        if r not in want:
            problems.append(f"result for {r['source']!r} differs from a direct run")
    sources = sorted(str(r["source"]) for r in results)
    if sources != sorted(str(r["source"]) for r in expected):
        problems.append("the sources out are not the sources in")
    want_failed = sum(1 for r in expected if "error" in r)
    if len(failed) != want_failed:
        problems.append(f"{len(failed)} failed records, a direct run has {want_failed}")
    if problems:
        print("\n".join(problems[:20]), file=sys.stderr)
        sys.exit(1)
    print(
        f"spark: {len(results)} records through RDD.pipe on local[2] "
        f"({partitions} partitions, {len(failed)} bad record(s) as error records), "
        "every one equal to a direct run"
    )


if __name__ == "__main__":
    main()
