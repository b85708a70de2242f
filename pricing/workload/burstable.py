"""Burstable types (AWS t3/t4g, Azure B-series, Google's shared-core e2): how much of their
CPU the sizing may count on, and what CPU above the baseline costs.

A burstable VM earns credits at its baseline (a share of each vCPU) and spends them above it.
Requests are what the pods ask for steadily, so by default ("baseline") a burstable type
offers only its baseline to them. With "credits" it offers all its vCPUs and the CPU the pods
request above the baseline is billed as surplus credits (AWS Unlimited), where the provider
sells them; where it does not (Azure B-series throttles), the baseline rule stays. With
"full" all its vCPUs count and nothing is added (the load is not sustained).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pricing.catalog import SurplusCredits
from pricing.money import to_cents
from pricing.resolve import Machine
from pricing.workload.candidates import vcpu
from pricing.workload.model import BurstableCpu
from pricing.workload.report import BurstableUse

MILLI = Decimal(1000)


@dataclass(frozen=True, slots=True)
class CpuRule:
    """How burstable types' CPU is counted, and the provider's surplus-credit prices."""

    mode: BurstableCpu
    surplus: tuple[SurplusCredits, ...] = ()

    def surplus_price(self, machine: Machine) -> SurplusCredits | None:
        """The surplus-credit price that applies to ``machine`` in "credits" mode."""
        if self.mode != "credits" or machine.spec.baseline is None:
            return None
        return next((rule for rule in self.surplus if rule.applies_to(machine.key)), None)

    def at_baseline(self, machine: Machine) -> bool:
        """Whether ``machine`` offers only its baseline CPU to requests."""
        if machine.spec.baseline is None or self.mode == "full":
            return False
        return self.mode == "baseline" or self.surplus_price(machine) is None

    def baseline_millicores(self, machine: Machine) -> int:
        """The CPU ``machine`` sustains without credits (all of it if not burstable)."""
        baseline = machine.spec.baseline
        whole = machine.spec.vcpu * 1000
        return whole if baseline is None else int(whole * baseline.percent / 100)

    def withheld_millicores(self, machine: Machine) -> int:
        """CPU of ``machine`` that requests may not count on: what its baseline leaves out,
        when it is sized at its baseline."""
        if not self.at_baseline(machine):
            return 0
        return machine.spec.vcpu * 1000 - self.baseline_millicores(machine)

    def surplus_monthly(self, machine: Machine, used_millicores: int, hours: Decimal) -> Decimal:
        """Surplus credits for one VM whose pods request ``used_millicores`` steadily: the
        vCPUs above its baseline x the price per vCPU-hour x the hours."""
        price = self.surplus_price(machine)
        above = used_millicores - self.baseline_millicores(machine)
        if price is None or above <= 0:
            return Decimal(0)
        return to_cents(Decimal(above) / MILLI * price.vcpu_hour * hours)


def burstable_use(
    rule: CpuRule, machine: Machine, cpu_counted: int, surplus: Decimal
) -> BurstableUse:
    """What the report says of the chosen type's CPU."""
    baseline = machine.spec.baseline
    return BurstableUse(
        mode=rule.mode,
        baseline_percent=baseline.percent if baseline else None,
        at_baseline=rule.at_baseline(machine),
        cpu_counted=vcpu(cpu_counted),
        surplus_monthly=surplus,
    )
