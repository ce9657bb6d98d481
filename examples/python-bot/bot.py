#!/usr/bin/env python3
"""A support bot written in Python, evaluated by cxbench as a `command` agent (examples/own-code/suite.yaml).

Single mode (default): cxbench runs `python3 bot.py` once per reply, writes one JSON request on stdin and reads one
JSON reply from stdout. JSONL mode (`python3 bot.py --jsonl`): one process for the whole run; each request is one
line of JSON with an "id", each reply one line with the same "id".

Request (the fields this bot reads): message, history, turn, persona.firstName, brief.knowledgeBase, brief.policies.
Reply: {"text": "...", "actions": [{"name": "...", "arguments": {...}, "result": {...}}]}.
"""
import json
import re
import sys

STOP = set("the a an and or to of in on for is it i my me you your we our this that with was be are have has not no do did at by from as".split())
HUMAN = re.compile(r"\b(human|real person|agent|manager|supervisor)\b", re.I)


def words(text):
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in STOP]


def best_line(message, knowledge):
    want = set(words(message))
    best, score = None, 1
    for line in knowledge.split("\n"):
        line = line.lstrip("- ").strip()
        s = len([w for w in words(line) if w in want])
        if line and s > score:
            best, score = line, s
    return best


def respond(req):
    message = req.get("message", "")
    first = req.get("persona", {}).get("firstName", "")
    brief = req.get("brief", {})
    parts = []
    if req.get("turn", 0) <= 1 and not req.get("history"):
        parts.append(f"Hello {first}, I'm an automated assistant.".replace("  ", " "))
    if HUMAN.search(message):
        return {
            "text": " ".join(parts + ["I'll pass you to a human colleague now."]),
            "actions": [{"name": "transfer_to_person", "arguments": {"reason": "customer asked"}, "result": {"queued": True}}],
        }
    line = best_line(message, brief.get("knowledgeBase", "") + "\n" + brief.get("policies", ""))
    parts.append(f"From our help pages: {line}" if line else "Could you tell me a little more about what you need?")
    return {"text": " ".join(parts), "actions": []}


def main():
    if "--jsonl" in sys.argv:
        for raw in sys.stdin:
            if not raw.strip():
                continue
            req = json.loads(raw)
            reply = respond(req)
            reply["id"] = req["id"]
            sys.stdout.write(json.dumps(reply) + "\n")
            sys.stdout.flush()
    else:
        sys.stdout.write(json.dumps(respond(json.load(sys.stdin))))


if __name__ == "__main__":
    main()
