"""Managed containers as a reference: what the scenario's workload would cost a month on the
provider's managed container services (AWS Fargate, Google Cloud Run, Azure Container Apps,
GKE Autopilot). A reference beside the two setups, not a third one: it enters no total,
difference or advice.

The workload is the scenario's (``workload_vcpu``, ``workload_memory_gib`` in all, spread
over ``workload_pods`` replicas, one if empty), running the hours its VMs run. Each service's
quote lists its lines, the assumptions behind them and, in words, what it leaves out.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, Decimal
from typing import NamedTuple

from pricing import lines
from pricing.catalog import ContainerRates, ContainerService
from pricing.lines import LineItem
from pricing.lines.item import plural
from pricing.money import total
from pricing.resolve import Resolved

SECONDS_PER_HOUR = Decimal(3600)
THOUSAND = Decimal(1000)
MILLION = Decimal(1_000_000)


class ContainerQuote(NamedTuple):
    """One service's monthly price for the workload; ``monthly`` is None (and
    ``unavailable`` says why) where the catalog cannot price it. ``source`` and ``as_of``:
    where and when the service's billing rules were read (each line has its rates')."""

    key: str
    label: str
    monthly: Decimal | None
    line_items: tuple[LineItem, ...] = ()
    assumptions: tuple[str, ...] = ()
    leaves_out: tuple[str, ...] = ()
    unavailable: str | None = None
    source: str | None = None
    as_of: date | None = None


class Workload(NamedTuple):
    """The replicas' size as billed: all of them together, and how many."""

    vcpu: Decimal
    memory: Decimal
    replicas: int
    hours: Decimal  # the hours a month they run

    @property
    def seconds(self) -> Decimal:
        """Replica-seconds a month."""
        return self.replicas * self.hours * SECONDS_PER_HOUR


def managed_containers(resolved: Resolved) -> tuple[ContainerQuote, ...]:
    """A quote for each managed container service of the scenario's provider; none where the
    provider has none or the scenario gives no workload CPU and memory."""
    scenario, provider = resolved.scenario, resolved.matches.provider
    if scenario.workload_vcpu is None or scenario.workload_memory_gib is None:
        return ()
    return tuple(
        _quote(resolved, key, service) for key, service in provider.managed_containers.items()
    )


def _quote(resolved: Resolved, key: str, service: ContainerService) -> ContainerQuote:
    scenario = resolved.scenario
    cpu, memory = scenario.workload_vcpu or Decimal(0), scenario.workload_memory_gib or Decimal(0)
    replicas = scenario.workload_pods or 1
    hours = scenario.vm_hours_per_month or scenario.hours_per_month
    said = (
        f"{replicas} replica{plural(replicas)} with {cpu.normalize():f} vCPU and "
        f"{memory.normalize():f} GiB in all, running {hours.normalize():f} h a month"
    )
    quote = ContainerQuote(
        key,
        service.label,
        None,
        assumptions=(said,),
        leaves_out=tuple(service.leaves_out),
        source=service.source,
        as_of=service.as_of,
    )
    if service.billing == "pods":
        return _autopilot(resolved, quote, service, Workload(cpu, memory, replicas, hours))
    region = resolved.scenario.region or ""
    rates = service.rates_in(region)
    if rates is None:
        where = ", ".join(r for found in service.rates for r in found.regions)
        return quote._replace(unavailable=f"no sourced rates in {region}; the catalog has {where}")
    size = service.size_for(cpu / replicas, memory / replicas)
    if size is None:
        return quote._replace(
            unavailable=f"a replica of {cpu / replicas:.2f} vCPU and {memory / replicas:.2f} "
            f"GiB is larger than {service.label}'s largest size: spread it over more replicas"
        )
    workload = Workload(cpu, memory, replicas, hours)
    if service.sizes:
        workload = Workload(size[0] * replicas, size[1] * replicas, replicas, hours)
        sized = f"each replica billed as a {size[0].normalize():f} vCPU, "
        sized += f"{size[1].normalize():f} {rates.memory_unit} task (the smallest that holds it)"
        quote = quote._replace(assumptions=(*quote.assumptions, sized))
    return _priced(resolved, quote, service, rates, workload)


def _priced(
    resolved: Resolved,
    quote: ContainerQuote,
    service: ContainerService,
    rates: ContainerRates,
    workload: Workload,
) -> ContainerQuote:
    scenario = resolved.scenario
    if service.billing == "always-on":
        return _done(quote, _always_on(resolved, rates, workload))
    requests, ms = scenario.monthly_requests, scenario.request_ms
    busy = None if requests is None or ms is None else requests * ms / THOUSAND
    if service.billing == "per-request":
        if busy is None:
            why = "enter monthly_requests and request_ms to price billing by request"
            return quote._replace(unavailable=why)
        note = "each request keeps one instance busy for request_ms (no requests sharing one)"
        return _done(
            quote._replace(assumptions=(*quote.assumptions, note)),
            [
                *_busy_seconds(resolved, rates, workload, min(busy, workload.seconds)),
                *_requests(resolved, rates),
            ],
        )
    active = workload.seconds if busy is None else min(busy, workload.seconds)
    note = (
        "busy all month: no request count was given (an upper bound)"
        if busy is None
        else "replicas always on at the minimum count, idle while not serving a request"
    )
    items = _active_idle(resolved, rates, workload, active)
    return _done(quote._replace(assumptions=(*quote.assumptions, note)), items)


def _done(quote: ContainerQuote, items: list[LineItem]) -> ContainerQuote:
    return quote._replace(monthly=total([i.monthly for i in items]), line_items=tuple(items))


def _always_on(resolved: Resolved, rates: ContainerRates, work: Workload) -> list[LineItem]:
    """Every replica billed for every hour it runs."""
    if rates.per == "second":
        return _busy_seconds(resolved, rates, work, work.seconds)
    unit = rates.memory_unit
    return [
        _line(resolved, rates, "vCPU", work.vcpu * work.hours, "vCPU-hour", rates.vcpu),
        _line(resolved, rates, "Memory", work.memory * work.hours, f"{unit}-hour", rates.memory),
    ]


def _busy_seconds(
    resolved: Resolved, rates: ContainerRates, work: Workload, seconds: Decimal
) -> list[LineItem]:
    """``seconds`` of replica time at the per-second rates, less the free grants."""
    vcpu_s = _whole(seconds * work.vcpu / work.replicas)
    memory_s = _whole(seconds * work.memory / work.replicas)
    return [
        _seconds(resolved, rates, "vCPU", vcpu_s, rates.free_vcpu_seconds, rates.vcpu),
        _seconds(resolved, rates, "Memory", memory_s, rates.free_memory_seconds, rates.memory),
    ]


def _active_idle(
    resolved: Resolved, rates: ContainerRates, work: Workload, active: Decimal
) -> list[LineItem]:
    """Replica time at the active rates while busy and the idle rates otherwise; the free
    grants taken from the idle time first (the cheaper: the cost is never understated)."""
    idle = work.seconds - active
    each_cpu, each_memory = work.vcpu / work.replicas, work.memory / work.replicas
    free_cpu, free_memory = rates.free_vcpu_seconds, rates.free_memory_seconds
    items = []
    for state, seconds, cpu_price, memory_price in (
        ("idle", idle, rates.idle_vcpu or Decimal(0), rates.idle_memory or Decimal(0)),
        ("active", active, rates.vcpu, rates.memory),
    ):
        cpu_s, memory_s = _whole(seconds * each_cpu), _whole(seconds * each_memory)
        if cpu_s == 0 and memory_s == 0:
            continue
        items += [
            _seconds(resolved, rates, f"vCPU, {state}", cpu_s, free_cpu, cpu_price),
            _seconds(resolved, rates, f"Memory, {state}", memory_s, free_memory, memory_price),
        ]
        free_cpu, free_memory = (
            max(free_cpu - cpu_s, Decimal(0)),
            max(free_memory - memory_s, Decimal(0)),
        )
    return items + _requests(resolved, rates)


def _seconds(
    resolved: Resolved,
    rates: ContainerRates,
    what: str,
    seconds: Decimal,
    free: Decimal,
    per_second: Decimal,
) -> LineItem:
    """``seconds`` less ``free`` at ``per_second``, counted in thousands of seconds (a price
    per second has more places than a unit price keeps)."""
    billed = max(seconds - free, Decimal(0))
    unit = "vCPU" if what.startswith("vCPU") else rates.memory_unit
    label = f"{what}: {seconds:,} {unit}-seconds"
    label += f" less {min(free, seconds):,} free" if free else ""
    quantity = billed / THOUSAND
    return _line(resolved, rates, label, quantity, f"1,000 {unit}-seconds", per_second * THOUSAND)


def _requests(resolved: Resolved, rates: ContainerRates) -> list[LineItem]:
    requests = resolved.scenario.monthly_requests
    if requests is None or rates.per_million_requests is None:
        return []
    billed = max(Decimal(requests - rates.free_requests), Decimal(0))
    label = f"Requests: {requests:,}"
    label += f" less {min(rates.free_requests, requests):,} free" if rates.free_requests else ""
    price = rates.per_million_requests
    return [_line(resolved, rates, label, billed / MILLION, "million requests", price)]


def _line(
    resolved: Resolved,
    rates: ContainerRates,
    label: str,
    quantity: Decimal,
    unit: str,
    price: Decimal,
) -> LineItem:
    return lines.priced(
        resolved.scenario,
        category="compute",
        label=label,
        quantity=quantity,
        unit=unit,
        price=price,
        rate=resolved.matches.price_rate,
        sourced=rates,
    )


def _autopilot(
    resolved: Resolved, quote: ContainerQuote, service: ContainerService, work: Workload
) -> ContainerQuote:
    """GKE Autopilot: the pods' requests at its pod rates, and its cluster fee less the
    free-tier credit (which covers one such cluster per billing account)."""
    provider, scenario = resolved.matches.provider, resolved.scenario
    tier = provider.control_planes[service.control_plane or ""]
    rates = tier.pod_pricing
    region = scenario.region or ""
    if rates is None or region not in rates.regions:
        where = ", ".join(rates.regions) if rates else "no region"
        return quote._replace(unavailable=f"no sourced rates in {region}; the catalog has {where}")
    items = lines.pod_lines(resolved, rates, cpu=work.vcpu, memory=work.memory, hours=work.hours)
    items += lines.tier_fee(
        resolved, tier, " (if your billing account's is not used by another cluster)"
    )
    return _done(quote, items)


def _whole(seconds: Decimal) -> Decimal:
    """Seconds rounded up to a whole second (the services bill to the 100 ms or finer)."""
    return seconds.to_integral_value(rounding=ROUND_CEILING)
