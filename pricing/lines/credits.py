"""What burstable VMs pay for CPU above their baseline: surplus CPU credits (AWS T3/T4g
Unlimited), a flat price per vCPU-hour for the CPU a VM uses steadily above its baseline."""

from __future__ import annotations

from decimal import Decimal

from pricing.lines.item import LineItem, discounted, plural, priced
from pricing.resolve import Machine, Resolved


def surplus_credits(
    resolved: Resolved, *, machine: Machine, count: int, above: Decimal, noun: str
) -> list[LineItem]:
    """``count`` VMs of ``machine``, each using ``above`` vCPU above its baseline for the
    hours they run, at the provider's surplus-credit price less the discount (none when
    ``above`` is 0; resolve refuses it where no price applies)."""
    if above == 0 or count == 0:
        return []
    scenario, matches = resolved
    rule = matches.provider.surplus_for(machine.key)
    if rule is None:
        raise RuntimeError(f"surplus credits for {machine.key}, which has no surplus price")
    hours = scenario.vm_hours_per_month or scenario.hours_per_month
    each = f"{above.normalize():f} vCPU above the {machine.key} baseline"
    return [
        priced(
            scenario,
            category="compute",
            label=f"Surplus CPU credits, {each} × {count} {noun}{plural(count)}",
            quantity=above * count * hours,
            unit="vCPU-hour",
            price=discounted(scenario, rule.vcpu_hour),
            rate=matches.price_rate,
            sourced=rule,
            list_price=rule.vcpu_hour,
        )
    ]
