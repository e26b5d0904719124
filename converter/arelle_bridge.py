"""Everything the package asks of Arelle: validation, facts read back, OIM export, viewer.

This is the only module that imports ``arelle``. Arelle is the independent reader that
proves our output: it never sees our writer's data, only the files on disk. Every load is
offline: taxonomy URLs resolve from ``taxonomy_maps/arelle-cache`` (Arelle's cache layout,
``https/host/path``) and nothing is ever fetched (see docs/offline-validation.md).
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import logging
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from arelle.api.Session import Session
from arelle.ModelInstanceObject import ModelContext, ModelFact
from arelle.ModelValue import QName as ArelleQName
from arelle.RuntimeOptions import RuntimeOptions

from converter._atomic import staged_dir
from converter.errors import InputError, MappingError, OutputError, ValidationFailed
from converter.model import Context, Duration, Entity, Fact, Instant, QName, Unit

VIEWER_FILE = "xbrlviewer.html"  # ixbrl-viewer's name for the viewer of a single document
VIEWER_SCRIPT = "ixbrlviewer.js"
CACHE_DIR = Path(__file__).resolve().parents[1] / "taxonomy_maps" / "arelle-cache"

# Arelle logs calculation inconsistencies at its own level between WARNING and ERROR;
# an inconsistent calculation is a defect of our output, so it counts as an error.
_INCONSISTENCY = logging.WARNING + 3


@dataclass(frozen=True)
class Message:
    """One Arelle log message: its code (e.g. ``xbrl.4.7.2:contextPeriodType``), level, text."""

    code: str
    level: str
    text: str

    def __str__(self) -> str:
        return f"[{self.level}] {self.code}: {self.text}"


@dataclass(frozen=True)
class ValidationReport:
    errors: tuple[Message, ...]
    warnings: tuple[Message, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class LoadedDocument:
    """One Arelle load: its validation messages, its numeric facts, optionally its xBRL-JSON."""

    report: ValidationReport
    facts: tuple[Fact, ...]
    oim_json: dict | None = None


class _Collector(logging.Handler):
    """Keeps Arelle's log records instead of printing them."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def report(self) -> ValidationReport:
        errors, warnings = [], []
        for record in self.records:
            if record.levelno < logging.WARNING:
                continue
            message = Message(
                code=str(getattr(record, "messageCode", "") or record.levelname.lower()),
                level=record.levelname,
                text=record.getMessage(),
            )
            (errors if record.levelno >= _INCONSISTENCY else warnings).append(message)
        return ValidationReport(tuple(errors), tuple(warnings))


def _cache_dir() -> Path:
    if not (CACHE_DIR / "https").is_dir():
        raise MappingError(
            f"offline taxonomy cache missing at {CACHE_DIR}",
            hint="taxonomy_maps/arelle-cache ships with the project; reinstall it",
        )
    return CACHE_DIR


def _options(path: Path, *, validate: bool, calcs: str, plugins: str | None = None,
             plugin_options: dict | None = None) -> RuntimeOptions:
    return RuntimeOptions(
        entrypointFile=str(path),
        workOffline=True,  # never download: a URL missing from the cache is an error
        cacheDirectory=str(_cache_dir()),
        httpsRedirectCache=True,  # http:// and https:// taxonomy URLs resolve to the same copy
        disablePersistentConfig=True,  # never read or write ~/.config/arelle
        validate=validate,
        calcs=calcs if validate else None,
        keepOpen=True,
        logFile="logToBuffer",
        plugins=plugins,
        pluginOptions=plugin_options,
    )


def _run(options: RuntimeOptions, read_model=None):
    """Run Arelle once; return its report and whatever ``read_model`` takes from the model."""
    path = Path(options.entrypointFile)
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    collector = _Collector()
    with Session() as session:
        session.run(options, logHandler=collector)
        models = session.get_models()
        extracted = read_model(models[0], collector) if read_model and models else None
    return collector.report(), extracted


# --- reading facts -------------------------------------------------------------------


def _qname(name: ArelleQName) -> QName:
    return QName(name.namespaceURI or "", name.localName, name.prefix or "")


def _inclusive_end(end: dt.datetime) -> dt.date:
    """Arelle stores a date-only end as the following midnight; XBRL writes the day itself."""
    if end.time() == dt.time(0, 0):
        return (end - dt.timedelta(days=1)).date()
    return end.date()


def _context(context: ModelContext) -> Context | None:
    """Our Context for Arelle's; None for what the model cannot hold (forever, typed dims)."""
    if context.isInstantPeriod:
        period = Instant(_inclusive_end(context.instantDatetime))
    elif context.isStartEndPeriod:
        period = Duration(context.startDatetime.date(), _inclusive_end(context.endDatetime))
    else:
        return None
    dims = context.qnameDims.values()
    if not all(dim.isExplicit for dim in dims):
        return None
    return Context(
        Entity(*context.entityIdentifier),
        period,
        tuple((_qname(dim.dimensionQname), _qname(dim.memberQname)) for dim in dims),
    )


def _unit(fact: ModelFact) -> Unit | None:
    if fact.unit is None:
        return None
    numerators, denominators = fact.unit.measures
    return Unit(fact.unitID, tuple(map(_qname, numerators)), tuple(map(_qname, denominators)))


def _value(fact: ModelFact) -> Decimal | None:
    """The XBRL value, sign and scale applied; from Arelle's canonical string, never a float."""
    if fact.isNil:
        return None
    return Decimal(fact.value)


def _decimals(fact: ModelFact) -> int | None:
    return None if fact.decimals in (None, "INF") else int(fact.decimals)


def _facts(model, collector: _Collector) -> tuple[Fact, ...]:
    facts = []
    for fact in model.facts:
        if not fact.isNumeric or fact.context is None:
            continue
        context = _context(fact.context)
        if context is None:
            collector.records.append(logging.makeLogRecord({
                "levelno": logging.WARNING, "levelname": "WARNING",
                "messageCode": "xbrlconv:factSkipped",
                "msg": f"fact {fact.id or fact.qname} skipped: typed dimension or forever period",
            }))
            continue
        facts.append(Fact(
            concept=_qname(fact.qname),
            context=context,
            unit=_unit(fact),
            value=_value(fact),
            decimals=_decimals(fact),
            scale=getattr(fact, "scaleInt", None) or 0,
            id=fact.id or "",
        ))
    return tuple(facts)


# --- public API ----------------------------------------------------------------------


def load(path, *, validate: bool = True, calcs: str = "c10", export_oim: bool = False) -> LoadedDocument:
    """Load a document once: validation messages (if asked), numeric facts, xBRL-JSON (if asked)."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="xbrlconv-oim-") as tmp:
        oim_file = Path(tmp) / f"{path.stem}.json"
        options = _options(
            path, validate=validate, calcs=calcs,
            plugins="saveLoadableOIM" if export_oim else None,
            plugin_options={"saveLoadableOIM": str(oim_file)} if export_oim else None,
        )
        report, facts = _run(options, _facts)
        oim = json.loads(oim_file.read_text(encoding="utf-8")) if export_oim and oim_file.is_file() else None
    if export_oim and oim is None:
        detail = "; ".join(str(m) for m in report.errors) or "no output"
        raise ValidationFailed(f"Arelle wrote no xBRL-JSON for {path}: {detail}")
    return LoadedDocument(report=report, facts=facts or (), oim_json=oim)


def validate(path, *, calcs: str = "c10") -> ValidationReport:
    """XBRL 2.1, dimensions, Inline XBRL 1.1 and calculation (``calcs``) checks, offline."""
    report, _ = _run(_options(Path(path), validate=True, calcs=calcs))
    return report


def load_facts(path) -> tuple[Fact, ...]:
    """The numeric facts of a document as Arelle reads them (ids are the ix element ids)."""
    return load(path, validate=False).facts


def export_oim_json(path) -> dict:
    """Arelle's own xBRL-JSON (saveLoadableOIM plugin) of a document."""
    return load(path, validate=False, export_oim=True).oim_json or {}


def build_viewer(path, out_dir) -> Path:
    """Arelle's ixbrl-viewer for a document, with its script copied beside it (works offline).

    The viewer lands in ``out_dir`` as ``xbrlviewer.html`` plus ``ixbrlviewer.js``, both
    or neither: it is built in a staging folder first.
    """
    path, out_dir = Path(path), Path(out_dir)
    if importlib.util.find_spec("iXBRLViewerPlugin") is None:
        raise OutputError("the viewer needs Arelle's ixbrl-viewer plugin", hint="pip install ixbrl-viewer")
    with staged_dir(out_dir) as stage:
        # No --viewer-url: the plugin's default is the ixbrlviewer.js bundled in the
        # ixbrl-viewer package, copied into the output, so viewing never fetches a script.
        options = _options(path, validate=False, calcs="none", plugins="iXBRLViewerPlugin",
                           plugin_options={"saveViewerDest": str(stage)})
        report, _ = _run(options)
        if not (stage / VIEWER_FILE).is_file() or not (stage / VIEWER_SCRIPT).is_file():
            detail = "; ".join(str(m) for m in report.errors) or "no viewer file written"
            raise OutputError(f"ixbrl-viewer did not build for {path}: {detail}")
    return out_dir / VIEWER_FILE
