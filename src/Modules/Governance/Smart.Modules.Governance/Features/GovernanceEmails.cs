using Smart.BuildingBlocks.Mail;
using Smart.Modules.Governance.Domain.Committees;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Proposals;

namespace Smart.Modules.Governance.Features;

/// <summary>Governance's e-mails to members, in French, from the module's templates (<c>Templates/</c>).</summary>
internal static class GovernanceEmails
{
    public static SendEmail ReferralAnswered(Member referrer, Committee committee, Referral referral) =>
        To(referrer, "ReferralAnswered", new()
        {
            ["member_name"] = referrer.DisplayName,
            ["committee_name"] = committee.Name,
            ["subject"] = referral.Subject,
            ["answer"] = referral.Answer,
        });

    /// <summary>To each member sitting on the committee the proposal was handed to.</summary>
    public static SendEmail ProposalHandedOver(Member committeeMember, Committee committee, Proposal proposal) =>
        To(committeeMember, "ProposalHandedOver", new()
        {
            ["member_name"] = committeeMember.DisplayName,
            ["committee_name"] = committee.Name,
            ["title"] = proposal.Title,
            ["author_name"] = proposal.AuthorName,
            ["supports"] = proposal.Supports,
        });

    public static SendEmail ProposalAnswered(Member author, Committee committee, Proposal proposal) =>
        To(author, "ProposalAnswered", new()
        {
            ["member_name"] = author.DisplayName,
            ["committee_name"] = committee.Name,
            ["title"] = proposal.Title,
            ["answer"] = proposal.Answer,
        });

    /// <summary>To the newcomer: who sponsors them and how to reach them.</summary>
    public static SendEmail SponsorAssigned(Member newcomer, Member sponsor) =>
        To(newcomer, "SponsorAssigned", new()
        {
            ["member_name"] = newcomer.DisplayName,
            ["sponsor_name"] = sponsor.DisplayName,
            ["sponsor_email"] = sponsor.Email,
        });

    private static SendEmail To(Member member, string template, Dictionary<string, object?> values)
    {
        var content = MailTemplates.Render(typeof(GovernanceEmails).Assembly, template, values);
        return new SendEmail(Guid.CreateVersion7(), member.Email, member.DisplayName, content.Subject, content.Html, content.Text);
    }
}
