using Marten;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Projections;
using static Smart.Modules.Reporting.Tables.TableBuilder;

namespace Smart.Modules.Reporting.Tables;

/// <summary>
/// The places of the year (ADR 0112): residents, residency months charged, bookings confirmed and cancelled, booked hours
/// and occupancy (booked hours ÷ the hours the place's resources could be booked); then events held, public and private,
/// and rental income.
/// </summary>
internal sealed class SpacesSection : IReportSection
{
    public int Order => 50;

    public async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var places = await context.Session.Query<PlaceProfile>().Where(p => p.EntityId == context.EntityId).ToListAsync(cancellationToken);
        var years = await context.Session.Query<PlaceYear>().Where(p => p.EntityId == context.EntityId && p.Year == context.Year).ToListAsync(cancellationToken);
        return Build(context.Year, places, years);
    }

    public static IReadOnlyList<ReportTable> Build(int year, IReadOnlyList<PlaceProfile> places, IReadOnlyList<PlaceYear> years)
    {
        var occupancy = new TableBuilder("espaces-lieux", "Lieux : résidents, réservations et occupation", "Lieu", Distinct("residents", "Résidents"),
            Count("mois-residence", "Mois de résidence facturés"), Count("reservations", "Réservations confirmées"), Count("annulations", "Réservations annulées"),
            Quantity("heures-reservees", "Heures réservées"), Quantity("heures-ouvertes", "Heures réservables"),
            Quotient("occupation", "Taux d'occupation", "heures-reservees", "heures-ouvertes"));
        var income = new TableBuilder("espaces-recettes", "Lieux : événements et recettes locatives", "Lieu", Count("evenements-publics", "Événements publics"),
            Count("evenements-prives", "Événements privés"), Money("recettes-reservations", "Recettes des réservations"),
            Money("recettes-residences", "Recettes des résidences"), Money("recettes", "Recettes locatives"));
        var ids = places.Select(p => p.PlaceId).Union(years.Select(y => y.PlaceId));
        var rows = ids.Select(id => (Profile: places.SingleOrDefault(p => p.PlaceId == id), Year: years.SingleOrDefault(y => y.PlaceId == id)))
            .Select(p => (Name: p.Profile?.PlaceName ?? p.Year!.PlaceName, p.Profile, p.Year)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        foreach (var (name, profile, inYear) in rows)
        {
            var residents = profile?.Residents(year).Count() ?? 0;
            occupancy.Row(name, ("residents", residents), ("mois-residence", inYear?.ResidencyMonths ?? 0), ("reservations", inYear?.BookingsConfirmed ?? 0),
                ("annulations", inYear?.BookingsCancelled ?? 0), ("heures-reservees", inYear?.BookedHours ?? 0), ("heures-ouvertes", profile?.OpenHours(year) ?? 0));
            var events = inYear?.Events.Values.ToList() ?? [];
            income.Row(name, ("evenements-publics", events.Count(e => e.IsPublic)), ("evenements-prives", events.Count(e => !e.IsPublic)),
                ("recettes-reservations", inYear?.BookingIncome ?? 0), ("recettes-residences", inYear?.ResidencyIncome ?? 0),
                ("recettes", (inYear?.BookingIncome ?? 0) + (inYear?.ResidencyIncome ?? 0)));
        }
        occupancy.DistinctTotal("residents", places.SelectMany(p => p.Residents(year)).Distinct().Count());
        return
        [
            occupancy.Build("Résidents : membres ayant une résidence au moins un jour de l'année (chacun une fois au total). Réservations : celles des dates de " +
                "l'année ; annulées : confirmées puis annulées. Heures réservées : réservations non annulées, salles retenues pour les formations, et heures " +
                "de chaque événement dans chacune de ses salles. Taux d'occupation = heures réservées ÷ heures réservables ; heures réservables = pour chaque " +
                "jour de l'année, heures d'ouverture de son jour de semaine (version en vigueur ce jour-là, 0 les jours de fermeture) × réservations " +
                "simultanées des ressources ajoutées à cette date."),
            income.Build("Événements tenus dans l'année, dans leur dernière version ; annulés exclus. Recettes des réservations : montant des réservations " +
                "confirmées, ou frais d'annulation après une annulation. Recettes des résidences : mois de résidence facturés de l'année."),
        ];
    }
}
