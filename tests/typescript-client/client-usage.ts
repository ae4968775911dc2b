// What a web client of Smart writes against the types generated from the OpenAPI document
// (`openapi-typescript swagger.json -o generated/api.d.ts`). Smart.IntegrationTests compiles it with `tsc --strict`:
// a property the API always returns must be usable without `!` or `?.`, a nullable one must be checked, and a request
// may leave out what the server defaults.
import type { components, paths } from "./generated/api";

type Schemas = components["schemas"];
type JsonOf<Operation> = Operation extends { responses: { 200: { content: { "application/json": infer Body } } } } ? Body : never;
type ProblemOf<Operation> = Operation extends { responses: { 400: { content: { "application/problem+json": infer Body } } } } ? Body : never;
type RequestOf<Operation> = Operation extends { requestBody: { content: { "application/json": infer Body } } } ? Body : never;

type Invoice = JsonOf<paths["/api/activities/invoices/{invoiceId}"]["get"]>;
type Activity = JsonOf<paths["/api/activities/activities/{activityId}"]["get"]>;
type Payslip = JsonOf<paths["/api/payroll/payslips/{payslipId}"]["get"]>;
type Payslips = JsonOf<paths["/api/payroll/payslips"]["get"]>;
type ValidationProblem = ProblemOf<paths["/api/activities/invoices"]["post"]>;
type IssueInvoice = RequestOf<paths["/api/activities/invoices"]["post"]>;
type CreateEntity = RequestOf<paths["/api/governance/entities"]["post"]>;

export function invoiceHeading(invoice: Invoice): string {
    const id: string = invoice.id;
    const number: string = invoice.number;
    const total: number = invoice.totalGross;
    const firstLine: string = invoice.lines.length > 0 ? invoice.lines[0].description : "";
    const client: string = invoice.client.name;
    // A nullable property stays nullable: the compiler makes the client handle the missing case.
    const quote: string = invoice.quoteId ?? "no quote";
    return `${number} (${id}) ${client}: ${total.toFixed(2)} ${invoice.currency} ${firstLine} ${quote}`;
}

export function creditedTotal(invoice: Invoice): number {
    return invoice.creditNotes.reduce((sum: number, note: Schemas["CreditNoteView"]) => sum + note.net, 0);
}

export function activityLabel(activity: Activity): string {
    const name: string = activity.name;
    const version: number = activity.version;
    const closed: string = activity.closedOn === null || activity.closedOn === undefined ? "open" : `closed on ${activity.closedOn}`;
    return `${name} v${version} (${activity.status}, ${closed})`;
}

export function netPay(payslip: Payslip): number {
    const net: number = payslip.net;
    return net - payslip.incomeTax;
}

export function totalNetPaid(page: Payslips): number {
    return page.items.reduce((sum: number, payslip: Schemas["PayslipSummary"]) => sum + payslip.netPaid, 0);
}

export function fieldErrors(problem: ValidationProblem): string[] {
    return Object.entries(problem.errors).flatMap(([field, messages]: [string, string[]]) => messages.map(m => `${field}: ${m}`));
}

// The issue date and a line's VAT rate are nullable in the command: the server fills them in, so a client may leave them out.
export const issueInvoice: IssueInvoice = {
    activityId: "0195f1a2-0000-7000-8000-0000000000a1",
    clientId: "0195f1a2-0000-7000-8000-0000000000c1",
    lines: [{ description: "Concert", quantity: 1, unitPrice: 1200 }],
};

// `bool TrainingVatExempt = false` has a default in the command: not required although not nullable.
export const createEntity: CreateEntity = {
    code: "Coop",
    name: "Coop Portage",
    kind: "Scic",
    country: "FR",
    settings: [{
        effectiveFrom: "2027-01-01",
        contributionRate: 0.1,
        payoutRule: "DaysAfterEndOfWork",
        payoutDay: 7,
        defaultVatRate: 0.2,
        guaranteeFundAdvanceAllowed: true,
    }],
};

export async function fetchInvoice(baseUrl: string, token: string, invoiceId: string): Promise<Invoice> {
    const response = await fetch(`${baseUrl}/api/activities/invoices/${encodeURIComponent(invoiceId)}`, {
        headers: { Authorization: `Bearer ${token}` },
    });
    if (response.status === 400) {
        throw new Error(fieldErrors((await response.json()) as ValidationProblem).join("\n"));
    }
    return (await response.json()) as Invoice;
}
