"""Rebuild the reconstructed ``country-2024.xsd`` of ``taxonomy_maps/arelle-cache`` with
every ISO 3166-1 alpha-2 code as a domain member.

usage: python taxonomy_maps/scripts/build_country_schema.py [--codes FILE] [--out FILE]

The official SEC country taxonomy declares one domain member per ISO 3166-1 code
(``country:TW``, ``country:FR``, ...); it is not available offline, and the copy in
``../shared/taxonomies/arelle-cache`` declares only the six members us-gaap and srt refer
to, so an output using any other country failed validation. The codes come from the
tz database's ``iso3166.tab`` (public domain, in every Debian ``tzdata``); the element
declarations are those of the official schema (abstract ``dtr-types:domainItemType``
items, id ``country_<code>``). Deterministic: the same code list gives the same bytes.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "taxonomy_maps" / "arelle-cache" / "https" / "xbrl.sec.gov" / "country" / "2024" / "country-2024.xsd"
CODES = Path("/usr/share/zoneinfo/iso3166.tab")

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Reconstructed: the official country-2024.xsd was not available offline. Declares every ISO 3166-1
     alpha-2 code (from the tz database's iso3166.tab) as a domain member, as the official schema does;
     built by taxonomy_maps/scripts/build_country_schema.py. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" \
xmlns:dtr-types="http://www.xbrl.org/dtr/type/2022-03-31" targetNamespace="http://xbrl.sec.gov/country/2024" \
elementFormDefault="qualified">
  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
  <xs:import namespace="http://www.xbrl.org/dtr/type/2022-03-31" schemaLocation="https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"/>
"""
ELEMENT = ('  <xs:element id="country_{0}" name="{0}" type="dtr-types:domainItemType" substitutionGroup="xbrli:item"'
           ' abstract="true" nillable="true" xbrli:periodType="duration"/>\n')


def iso_codes(path: Path) -> list[str]:
    """The two-letter codes of an ``iso3166.tab`` (code, tab, name; '#' comments)."""
    codes = {line.split("\t", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")}
    bad = sorted(c for c in codes if not re.fullmatch(r"[A-Z]{2}", c))
    if bad or len(codes) < 200:
        raise SystemExit(f"{path}: not an ISO 3166 code list ({len(codes)} codes, odd ones: {bad[:5]})")
    return sorted(codes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--codes", type=Path, default=CODES, help=f"an iso3166.tab (default {CODES})")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not args.codes.is_file():
        raise SystemExit(f"{args.codes} not found: install tzdata or pass --codes")
    codes = iso_codes(args.codes)
    args.out.write_text(HEAD + "".join(ELEMENT.format(c) for c in codes) + "</xs:schema>\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(codes)} country members)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
