namespace Smart.BuildingBlocks.DemoData;

/// <summary>
/// Words of the cooperative's world for the demo data of every module, so that names read like real ones
/// ("Compagnie Les Échappées", "Association Les Amis de Roubaix", "Festival des Arts de la Rue") and not like
/// Latin filler. Every list is picked from with the seeding module's own seeded random, so the demo stays reproducible.
/// </summary>
public static class FrenchVocabulary
{
    /// <summary>Towns of the offices' regions, for clients, venues and associations.</summary>
    public static readonly string[] Towns =
    [
        "Roubaix", "Tourcoing", "Villeneuve-d'Ascq", "Arras", "Amiens", "Béthune", "Douai", "Valenciennes", "Dunkerque", "Montreuil",
        "Saint-Denis", "Vincennes", "Nanterre", "Villeurbanne", "Vénissieux", "Grenoble", "Saint-Étienne", "Aubagne", "Aix-en-Provence",
        "Sète", "Nîmes", "Béziers", "Colmar", "Mulhouse", "Saint-Malo", "Vannes", "Lorient", "Albi", "Montauban", "Saint-Nazaire",
        "Angers", "Riom", "Vichy", "Quimper", "Brest", "Metz", "Nancy", "Avignon", "Arles", "Bayonne",
    ];

    /// <summary>Troupes and companies of the live performance ("Compagnie …").</summary>
    public static readonly string[] CompanyNames =
    [
        "Les Échappées", "du Grand Chemin", "La Belle Envolée", "Les Arts Buissonniers", "du Petit Matin", "Les Têtes de Lune",
        "L'Oiseau-Lyre", "Les Voix du Nord", "La Roulotte", "du Fil Tendu", "Les Semeurs d'Étoiles", "La Boîte à Rêves",
        "des Quatre Vents", "Les Funambules", "Le Théâtre de la Cerise", "Les Passeurs", "du Tambour Battant", "Les Ondes Vives",
        "La Mouette Rieuse", "Les Grands Espaces",
    ];

    /// <summary>Festivals ("Festival …").</summary>
    public static readonly string[] FestivalNames =
    [
        "des Arts de la Rue", "Jazz en Ville", "du Court Métrage", "Les Nuits Sonores", "des Contes d'Hiver", "Musiques du Monde",
        "Cirque en Campagne", "du Livre Jeunesse", "Danse en Plein Air", "des Fanfares", "Chansons de Traverse", "Images Nomades",
    ];

    /// <summary>Members' trades, in the feminine and the masculine, with skills they list (member directory, trainers).</summary>
    public static readonly (string Feminine, string Masculine, string[] Skills)[] Trades =
    [
        ("Comédienne", "Comédien", ["théâtre", "doublage", "lecture publique", "improvisation", "clown"]),
        ("Graphiste", "Graphiste", ["identité visuelle", "mise en page", "illustration", "typographie", "affiches"]),
        ("Développeuse web", "Développeur web", ["WordPress", "accessibilité numérique", "applications mobiles", "sites vitrines", "référencement"]),
        ("Formatrice", "Formateur", ["gestion de projet", "prise de parole", "outils numériques", "animation de groupes", "comptabilité"]),
        ("Consultante", "Consultant", ["stratégie", "économie sociale et solidaire", "financements publics", "conduite du changement"]),
        ("Musicienne", "Musicien", ["guitare", "piano", "composition", "musique assistée par ordinateur", "cours particuliers"]),
        ("Chanteuse", "Chanteur", ["chant lyrique", "jazz", "chorales", "technique vocale"]),
        ("Danseuse", "Danseur", ["danse contemporaine", "hip-hop", "ateliers enfants", "chorégraphie"]),
        ("Technicienne son", "Technicien son", ["sonorisation", "régie", "enregistrement", "mixage"]),
        ("Photographe", "Photographe", ["reportage", "portraits", "photographies de spectacles", "retouche"]),
        ("Artiste de cirque", "Artiste de cirque", ["jonglage", "acrobaties", "fil", "ateliers cirque"]),
        ("Animatrice d'ateliers", "Animateur d'ateliers", ["ateliers d'écriture", "arts plastiques", "éducation populaire", "médiation culturelle"]),
        ("Chargée de communication", "Chargé de communication", ["réseaux sociaux", "relations presse", "rédaction", "événementiel"]),
        ("Vidéaste", "Vidéaste", ["montage", "captation de spectacles", "motion design", "documentaires"]),
        ("Traductrice", "Traducteur", ["anglais", "allemand", "sous-titrage", "interprétation"]),
    ];

    /// <summary>Surnames for workshops and studios ("Atelier Dupont – graphisme").</summary>
    public static readonly string[] Surnames =
    [
        "Dupont", "Lefebvre", "Moreau", "Garnier", "Faure", "Rousseau", "Blanchard", "Morel", "Girard", "Bonnet", "Lambert",
        "Fontaine", "Chevalier", "Roussel", "Mercier", "Lemaire", "Caron", "Perrin", "Marchand", "Dufour",
    ];

    /// <summary>Kinds of business clients ("Imprimerie Dufour", "Librairie Morel").</summary>
    public static readonly string[] BusinessKinds =
    [
        "Imprimerie", "Librairie", "Agence", "Brasserie", "Menuiserie", "Éditions", "Studio", "Galerie", "Boulangerie", "Cabinet",
        "Coopérative", "Fromagerie", "Garage", "Pépinières", "Hôtel",
    ];

    /// <summary>Legal-form suffixes of companies.</summary>
    public static readonly string[] CompanySuffixes = ["SARL", "SAS", "SA", "SCOP", "EURL", "& Fils", "et Associés"];

    /// <summary>What an association stands for ("Association Les Amis de Roubaix").</summary>
    public static readonly string[] AssociationPurposes =
    [
        "Les Amis de {0}", "Culture et Loisirs de {0}", "Les Tréteaux de {0}", "Musique en {0}", "Jeunesse et Arts de {0}",
        "Le Foyer rural de {0}", "Les Ateliers de {0}", "Patrimoine de {0}", "Danse et Mouvement de {0}", "Ciné-club de {0}",
    ];

    /// <summary>Subjects of projects, trainings and shows, for invoice lines and contract documents.</summary>
    public static readonly string[] ProjectSubjects =
    [
        "la saison culturelle", "le festival d'été", "les journées du patrimoine", "le salon du livre", "la fête de quartier",
        "le nouveau catalogue", "la rentrée scolaire", "le marché de Noël", "les portes ouvertes", "l'exposition de printemps",
        "la résidence d'artistes", "le carnaval", "la semaine de la science", "le forum des associations", "la nuit des musées",
    ];

    /// <summary>Titles of shows sold ("contrat de cession").</summary>
    public static readonly string[] ShowTitles =
    [
        "Le Voyage de Lila", "Les Vents contraires", "La Dernière Valse", "Sous le même ciel", "Le Jardin des possibles",
        "Une nuit chez Molière", "Les Pieds sur terre", "Le Bal des oiseaux", "Histoires de la mine", "Rêves de papier",
    ];

}
