#!/usr/bin/env python3
"""Writes a Hugo site equivalent to a Casebook content folder, for `make bench` to time Hugo beside Casebook.

Usage: Scripts/hugo-site.py CONTENT_DIR HUGO_SITE_DIR
Same pages as the issue's reference: one page per event and quote (Markdown summary/context rendered by Hugo),
party, case and source term pages listing what refers to them, a timeline listing every event with its summary and
a quote index (both 100 to a page, as Casebook's default `paginate_by`), and the sitemap. Needs PyYAML. Measures Hugo, not the fidelity of the theme: the layouts are
plain, which favours Hugo.
"""
import glob, json, os, shutil, sys, yaml

content, site = sys.argv[1], sys.argv[2]
shutil.rmtree(site, ignore_errors=True)
os.makedirs(os.path.join(site, "content"))

def front(path):
    text = open(path, encoding="utf-8").read()
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), body

def write(relative, meta, body=""):
    path = os.path.join(site, "content", relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps(meta, default=str, ensure_ascii=False, indent=1) + "\n\n" + body)

def source_ids(sources):
    return [s if isinstance(s, str) else s["source"] for s in sources or []]

for kind, taxonomy in (("parties", "parties"), ("cases", "cases"), ("sources", "sources")):
    for path in glob.glob(os.path.join(content, kind, "*.md")):
        meta, body = front(path)
        slug = os.path.basename(path)[:-3]
        write(f"{taxonomy}/{slug}/_index.md", {"title": meta.get("name") or meta.get("title")}, body)

def date(value):
    text = str(value)
    return text + "-01-01" if len(text) == 4 else text + "-01" if len(text) == 7 else text

for path in sorted(glob.glob(os.path.join(content, "timeline", "*.yml"))):
    for event in yaml.safe_load(open(path, encoding="utf-8")) or []:
        cases = event.get("cases") or ([event["case"]] if event.get("case") else [])
        write(f"events/{event['id']}.md", {"title": event["title"], "date": date(event["date"]),
              "parties": event.get("parties", []), "cases": cases, "sources": source_ids(event.get("sources")),
              "tags": event.get("tags", [])}, event.get("summary", ""))

for path in sorted(glob.glob(os.path.join(content, "quotes", "*.yml"))):
    for quote in yaml.safe_load(open(path, encoding="utf-8")) or []:
        write(f"quotes/{quote['id']}.md", {"title": quote["text"][:60], "date": date(quote["date"]),
              "parties": [quote["speaker"]], "cases": [quote["case"]] if quote.get("case") else [],
              "sources": source_ids(quote.get("sources"))},
              "> " + quote["text"] + "\n\n" + quote.get("context", ""))

write("timeline/_index.md", {"title": "Timeline"})
open(os.path.join(site, "config.json"), "w").write(json.dumps({
    "baseURL": "https://example.org/", "title": "Bench", "disableKinds": ["RSS"],
    "taxonomies": {"party": "parties", "case": "cases", "source": "sources", "tag": "tags"}}))
layouts = {
    "_default/baseof.html": '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
        '<link rel="stylesheet" href="/casebook.css"></head><body><nav><a href="/timeline/">Timeline</a> '
        '<a href="/quotes/">Quotes</a> <a href="/parties/">Parties</a></nav><main>{{ block "main" . }}{{ end }}'
        '</main><footer>Built with Hugo</footer></body></html>',
    "_default/single.html": '{{ define "main" }}<h1>{{ .Title | markdownify }}</h1><time>{{ .Date.Format "Jan 2, 2006" }}</time>'
        '{{ .Content }}<ul>{{ range .GetTerms "parties" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}'
        '{{ range .GetTerms "sources" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle | markdownify }}</a></li>{{ end }}</ul>{{ end }}',
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
        '{{ .Title | markdownify }}</a> {{ .Summary }}</li>{{ end }}</ol>{{ end }}',
    "timeline/list.html": '{{ define "main" }}<h1>Timeline</h1>'
        '{{ range (.Paginate (where .Site.RegularPages "Section" "events").ByDate 100).Pages }}'
        '<article id="{{ .File.BaseFileName }}"><h2>{{ .Title | markdownify }}</h2><time>{{ .Date.Format "Jan 2, 2006" }}</time>'
        '{{ .Content }}</article>{{ end }}{{ template "_internal/pagination.html" . }}{{ end }}',
    "quotes/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range (.Paginate .Pages 100).Pages }}<li><a href="{{ .RelPermalink }}">'
        '{{ .Title | markdownify }}</a> {{ .Summary }}</li>{{ end }}</ol>{{ template "_internal/pagination.html" . }}{{ end }}',
    "_default/terms.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">'
        '{{ .Page.Title | markdownify }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}',
}
for name, text in layouts.items():
    path = os.path.join(site, "layouts", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(text)
