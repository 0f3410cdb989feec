<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>attn::ui</name>
    <message>
        <location filename="../example_alignment.cpp" line="+19"/>
        <source>Example: a hand-made English → French alignment, not a model&apos;s output</source>
        <translation>Exemple&#xa0;: un alignement anglais → français fait à la main, pas la sortie d’un modèle</translation>
    </message>
    <message>
        <location filename="../figure_export.cpp" line="+19"/>
        <location filename="../trace_files.cpp" line="+96"/>
        <source>cannot export &apos;%1&apos;: the name must end in .png or .pdf</source>
        <translation>impossible d’exporter «&#xa0;%1&#xa0;»&#xa0;: le nom doit se terminer par .png ou .pdf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>Image PNG (*.png);;Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../model_summary.cpp" line="+51"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>RNN encoder–decoder</source>
        <translation>Encodeur–décodeur RNN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · no attention (the bottleneck)</source>
        <translation> · sans attention (le goulot d’étranglement)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bahdanau attention</source>
        <translation>attention de Bahdanau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Luong attention</source>
        <translation>attention de Luong</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> score)</source>
        <translation>)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transformer encoder–decoder · %1 heads</source>
        <translation>Encodeur–décodeur transformeur · %1 têtes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Structured self-attention classifier (Lin et al. 2017) · %1 hops</source>
        <translation>Classifieur à auto-attention structurée (Lin et al. 2017) · %1 sauts</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>parameters</source>
        <translation>paramètres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>characters</source>
        <translation>caractères</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>words</source>
        <translation>mots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source vocabulary</source>
        <translation>vocabulaire source</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>classes</source>
        <translation>classes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>target vocabulary</source>
        <translation>vocabulaire cible</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+2"/>
        <source>trained on</source>
        <translation>entraîné sur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not recorded in the file (a model made elsewhere, e.g. in PyTorch)</source>
        <translation>non indiqué dans le fichier (un modèle fait ailleurs, par exemple avec PyTorch)</translation>
    </message>
    <message>
        <location filename="../trace_files.cpp" line="-54"/>
        <source>cannot write the trace: %1</source>
        <translation>impossible d’écrire la trace&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>there is no matrix on screen to export</source>
        <translation>il n’y a aucune matrice à l’écran à exporter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot capture the view: it has no size</source>
        <translation>impossible de capturer la vue&#xa0;: elle n’a pas de taille</translation>
    </message>
    <message>
        <location filename="../user_error.cpp" line="+16"/>
        <source>Attention Studio hit an internal error: %1</source>
        <translation>Attention Studio a rencontré une erreur interne&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was saved over your files. Please report this message.</source>
        <translation>Aucun de vos fichiers n’a été écrasé. Merci de signaler ce message.</translation>
    </message>
    <message>
        <location filename="../window_capture.cpp" line="+27"/>
        <source>cannot capture the window: it has no size</source>
        <translation>impossible de capturer la fenêtre&#xa0;: elle n’a pas de taille</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot write &apos;%1&apos;: unknown image format (use .png)</source>
        <translation>impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: format d’image inconnu (utilisez .png)</translation>
    </message>
    <message>
        <location filename="../write_error.cpp" line="+14"/>
        <source>the folder &apos;%1&apos; does not exist</source>
        <translation>le dossier «&#xa0;%1&#xa0;» n’existe pas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is not a folder</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un dossier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is a folder</source>
        <translation>c’est un dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file could not be written</source>
        <translation>le fichier n’a pas pu être écrit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>attn::ui::AlignmentView</name>
    <message>
        <location filename="../alignment_view.cpp" line="+21"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head</source>
        <translation>Tête</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Which attention to show: each kind relates different tokens</source>
        <translation>Quelle attention afficher&#xa0;: chaque type relie des tokens différents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deeper layers attend to what earlier layers computed</source>
        <translation>Les couches profondes portent leur attention sur ce que les couches précédentes ont calculé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each head learns its own relations; the mean shows them together</source>
        <translation>Chaque tête apprend ses propres relations&#xa0;; la moyenne les montre ensemble</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole map</source>
        <translation>Carte entière</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole matrix again after zooming (or double-click it)</source>
        <translation>Réafficher toute la matrice après un zoom (ou double-cliquer dessus)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing to show yet.

Open a model (File ▸ Open model…) and decode a sentence, or open a trace file (File ▸ Open trace…).</source>
        <translation>Rien à afficher pour l’instant.

Ouvrez un modèle (Fichier ▸ Ouvrir un modèle…) et décodez une phrase, ou ouvrez un fichier de trace (Fichier ▸ Ouvrir une trace…).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mean over %1 heads</source>
        <translation>moyenne sur %1 têtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head %1</source>
        <translation>tête %1</translation>
    </message>
</context>
<context>
    <name>attn::ui::BeamTreeCanvas</name>
    <message>
        <location filename="../beam_tree_view.cpp" line="+171"/>
        <source>“%1” at step %2
log p = %3, hypothesis score = %4%5</source>
        <translation>«&#xa0;%1&#xa0;» à l’étape %2
log p = %3, score de l’hypothèse = %4%5</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
finished (&lt;eos&gt;)</source>
        <translation>
terminée (&lt;eos&gt;)</translation>
    </message>
</context>
<context>
    <name>attn::ui::BeamTreeView</name>
    <message>
        <location line="+61"/>
        <source>Beam search keeps the best few partial outputs at every step instead of only the single best one. Choose “Beam search” in the input panel and decode to see its tree here.</source>
        <translation>La recherche en faisceau garde à chaque étape les quelques meilleures sorties partielles au lieu de la seule meilleure. Choisissez «&#xa0;Recherche en faisceau&#xa0;» dans le panneau Entrée et décodez pour voir son arbre ici.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Beam search of width %1: one column per output step, each box a token with its hypothesis&apos; total log-probability. The &lt;b style=&apos;color:#e6550d&apos;&gt;orange path&lt;/b&gt; is the output; grey hypotheses were dropped or lost. Click a box to read its hypothesis; on the orange path it also selects that step.</source>
        <translation>Recherche en faisceau de largeur %1&#xa0;: une colonne par étape de sortie, chaque case un token avec la log-probabilité totale de son hypothèse. Le &lt;b style=&apos;color:#e6550d&apos;&gt;chemin orange&lt;/b&gt; est la sortie&#xa0;; les hypothèses grises ont été écartées ou ont perdu. Cliquez sur une case pour lire son hypothèse&#xa0;; sur le chemin orange, cela sélectionne aussi cette étape.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>on the returned output</source>
        <translation>sur la sortie retenue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished, but scored lower than the output</source>
        <translation>terminée, mais avec un score inférieur à celui de la sortie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extended, but the output came from another branch</source>
        <translation>prolongée, mais la sortie vient d’une autre branche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropped: its extensions were not among the best</source>
        <translation>écartée&#xa0;: ses prolongements n’étaient pas parmi les meilleurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hypothesis: &lt;b&gt;%1&lt;/b&gt; · score %2 · %3</source>
        <translation>Hypothèse&#xa0;: &lt;b&gt;%1&lt;/b&gt; · score %2 · %3</translation>
    </message>
</context>
<context>
    <name>attn::ui::ClassroomMode</name>
    <message>
        <location filename="../teach/classroom_mode.cpp" line="+226"/>
        <source>&amp;Classroom mode</source>
        <translation>Mode &amp;classe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Large text, high contrast and the maps given the room: for a projector</source>
        <translation>Grand texte, contraste élevé et toute la place pour les cartes&#xa0;: pour un projecteur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Classroom &amp;text size</source>
        <translation>&amp;Taille du texte en mode classe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1%</source>
        <translation>%1&#xa0;%</translation>
    </message>
</context>
<context>
    <name>attn::ui::ColourMap</name>
    <message>
        <location filename="../colour_maps.cpp" line="+31"/>
        <source>Viridis (purple → yellow)</source>
        <translation>Viridis (violet → jaune)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cividis (blue → yellow, for red-green colour blindness)</source>
        <translation>Cividis (bleu → jaune, pour le daltonisme rouge-vert)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Magma (black → cream)</source>
        <translation>Magma (noir → crème)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Greys (white → black, for printing)</source>
        <translation>Gris (blanc → noir, pour l’impression)</translation>
    </message>
</context>
<context>
    <name>attn::ui::DecodeWorker</name>
    <message>
        <location filename="../decode_runner.cpp" line="+23"/>
        <source>Decode</source>
        <translation>Décodage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the sentence and the options, then decode again.</source>
        <translation>Vérifiez la phrase et les options, puis décodez à nouveau.</translation>
    </message>
</context>
<context>
    <name>attn::ui::HeadGrid</name>
    <message>
        <location filename="../head_grid.cpp" line="+115"/>
        <source>This trace has no attention of this kind.</source>
        <translation>Cette trace ne contient pas d’attention de ce type.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decode a sentence to see every head of every layer here.</source>
        <translation>Décodez une phrase pour voir ici chaque tête de chaque couche.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>mean</source>
        <translation>moyenne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>head %1</source>
        <translation>tête %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>attention weight</source>
        <translation>poids d’attention</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>layer %1</source>
        <translation>couche %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>layer %1, mean over %2 heads</source>
        <translation>couche %1, moyenne sur %2 têtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layer %1, head %2</source>
        <translation>couche %1, tête %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · click to enlarge</source>
        <translation> · cliquer pour agrandir</translation>
    </message>
</context>
<context>
    <name>attn::ui::HeadsPanel</name>
    <message>
        <location line="+28"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Each small map is one head: rows are queries, columns keys. Click one to enlarge it; the last column is each layer&apos;s mean.</source>
        <translation>Chaque petite carte est une tête&#xa0;: les lignes sont les requêtes, les colonnes les clés. Cliquez sur l’une d’elles pour l’agrandir&#xa0;; la dernière colonne est la moyenne de chaque couche.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This model has a single attention head. A transformer shows one small map per head and per layer here.</source>
        <translation>Ce modèle n’a qu’une tête d’attention. Un transformeur montre ici une petite carte par tête et par couche.</translation>
    </message>
</context>
<context>
    <name>attn::ui::HeatmapView</name>
    <message>
        <location filename="../heatmap_view.cpp" line="+19"/>
        <source>Point at a cell to read its value; click a row to select it. Wheel: zoom · drag: pan · double-click: whole map.</source>
        <translation>Pointez une case pour lire sa valeur&#xa0;; cliquez sur une ligne pour la sélectionner. Molette&#xa0;: zoom · glisser&#xa0;: déplacer · double-clic&#xa0;: carte entière.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>source tokens</source>
        <translation>tokens source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>output tokens</source>
        <translation>tokens de sortie</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>attention weight</source>
        <translation>poids d’attention</translation>
    </message>
</context>
<context>
    <name>attn::ui::HopsView</name>
    <message>
        <location filename="../hops_view.cpp" line="+29"/>
        <source>Attention hops belong to the structured self-attention classifier (Lin et al. 2017): r hops read the sentence without any query, and a penalty keeps them looking at different words.

Open such a model, or a trace of one, to see its hops here.</source>
        <translation>Les sauts d’attention appartiennent au classifieur à auto-attention structurée (Lin et al. 2017)&#xa0;: r sauts lisent la phrase sans aucune requête, et une pénalité les pousse à regarder des mots différents.

Ouvrez un tel modèle, ou l’une de ses traces, pour voir ses sauts ici.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>hop %1</source>
        <translation>saut %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all hops</source>
        <translation>tous les sauts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Penalty&lt;/b&gt; ‖AAᵀ − I‖²&lt;sub&gt;F&lt;/sub&gt; = &lt;b&gt;%1&lt;/b&gt;: 0 when the %2 hops each look at one different word, %3 when they all look at the same one.</source>
        <translation>&lt;b&gt;Pénalité&lt;/b&gt; ‖AAᵀ − I‖²&lt;sub&gt;F&lt;/sub&gt; = &lt;b&gt;%1&lt;/b&gt;&#xa0;: 0 quand les %2 sauts regardent chacun un mot différent, %3 quand ils regardent tous le même.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> Training adds it to the loss × %1.</source>
        <translation> L’entraînement l’ajoute à la perte × %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Predicted class:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Classe prédite&#xa0;:&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>attn::ui::InputPanel</name>
    <message>
        <location filename="../input_panel.cpp" line="+25"/>
        <source>Greedy</source>
        <translation>Glouton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beam search, width</source>
        <translation>Recherche en faisceau, largeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Force this output:</source>
        <translation>Forcer cette sortie&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+92"/>
        <location line="+12"/>
        <source>Decode</source>
        <translation>Décoder</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Type a sentence for the model…</source>
        <translation>Tapez une phrase pour le modèle…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the output to inspect</source>
        <translation>la sortie à examiner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How many partial outputs beam search keeps at each step</source>
        <translation>Combien de sorties partielles la recherche en faisceau garde à chaque étape</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At each step take the single most probable token</source>
        <translation>À chaque étape, prendre le token le plus probable (décodage glouton)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the best few partial outputs at each step; see the Beam search tab</source>
        <translation>Garder les quelques meilleures sorties partielles à chaque étape&#xa0;; voir l’onglet Recherche en faisceau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feed this output to the decoder (teacher forcing) and show what it attends to while producing it</source>
        <translation>Donner cette sortie au décodeur (forçage par l’enseignant, teacher forcing) et montrer sur quoi il porte son attention en la produisant</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Cancel decoding</source>
        <translation>Annuler le décodage</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <source>Classify</source>
        <translation>Classer</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Stop the decoding in progress</source>
        <translation>Arrêter le décodage en cours</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open, pick or train a model to decode sentences.</source>
        <translation>Ouvrez, choisissez ou entraînez un modèle pour décoder des phrases.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This model classifies the sentence; its attention hops show which words it read.</source>
        <translation>Ce modèle classe la phrase&#xa0;; ses sauts d’attention montrent quels mots il a lus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Teacher forcing: the decoder is fed the output above, whatever it would have chosen.</source>
        <translation>Forçage par l’enseignant (teacher forcing)&#xa0;: le décodeur reçoit la sortie ci-dessus, quoi qu’il aurait choisi.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;span style=&apos;color:#606060&apos;&gt;The tokens the model reads will show here.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#606060&apos;&gt;Les tokens que lit le modèle s’afficheront ici.&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Model reads: </source>
        <translation>Le modèle lit&#xa0;: </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n unknown token(s), underlined: the model reads them as &amp;lt;unk&amp;gt;.</source>
        <translation>
            <numerusform>%n token inconnu, souligné&#xa0;: le modèle le lit comme &amp;lt;unk&amp;gt;.</numerusform>
            <numerusform>%n tokens inconnus, soulignés&#xa0;: le modèle les lit comme &amp;lt;unk&amp;gt;.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&lt;br&gt;&lt;span style=&apos;color:#b00020&apos;&gt;not in the output vocabulary: read as &amp;lt;unk&amp;gt;&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#b00020&apos;&gt;absent du vocabulaire de sortie&#xa0;: lu comme &amp;lt;unk&amp;gt;&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>attn::ui::Language</name>
    <message>
        <location filename="language.cpp" line="+90"/>
        <source>System language (%1)</source>
        <translation>Langue du système (%1)</translation>
    </message>
    <message>
        <location filename="language_menu.cpp" line="+12"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
</context>
<context>
    <name>attn::ui::LossPlot</name>
    <message>
        <location filename="../loss_plot.cpp" line="+20"/>
        <source>loss, each step</source>
        <translation>perte, à chaque pas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>loss, moving average</source>
        <translation>perte, moyenne mobile</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>validation loss</source>
        <translation>perte de validation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>validation score (right)</source>
        <translation>score de validation (à droite)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>step</source>
        <translation>pas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss (cross-entropy)</source>
        <translation>perte (entropie croisée)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>validation score</source>
        <translation>score de validation</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>validation %1 (right)</source>
        <translation>%1 en validation (à droite)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation %1</source>
        <translation>%1 en validation</translation>
    </message>
</context>
<context>
    <name>attn::ui::MainWindow</name>
    <message>
        <location filename="../main_window.cpp" line="+50"/>
        <location line="+229"/>
        <source>Attention Studio</source>
        <translation>Attention Studio</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>Alignment</source>
        <translation>Alignement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heads</source>
        <translation>Têtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hops</source>
        <translation>Sauts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beam search</source>
        <translation>Recherche en faisceau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The attention of each output token over the source</source>
        <translation>L’attention de chaque token de sortie sur la source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every head of every layer, side by side</source>
        <translation>Chaque tête de chaque couche, côte à côte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The classifier&apos;s attention hops and their penalty</source>
        <translation>Les sauts d’attention du classifieur et leur pénalité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hypotheses beam search kept</source>
        <translation>Les hypothèses gardées par la recherche en faisceau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a new model</source>
        <translation>Entraîner un nouveau modèle</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step by step</source>
        <translation>Pas à pas</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>decoding…</source>
        <translation>décodage…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Decode</source>
        <translation>&amp;Décodage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decode the sentence</source>
        <translation>&amp;Décoder la phrase</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Colour map</source>
        <translation>&amp;Palette de couleurs</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show the &amp;whole map</source>
        <translation>Afficher la carte &amp;entière</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Status bar</source>
        <translation>&amp;Barre d’état</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reset layout</source>
        <translation>&amp;Réinitialiser la disposition</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quick guide</source>
        <translation>&amp;Guide rapide</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Attention Studio</source>
        <translation>À &amp;propos d’Attention Studio</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1[*] — Attention Studio</source>
        <translation>%1[*] — Attention Studio</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1 will be used from the next start.</source>
        <translation>%1 sera utilisé au prochain démarrage.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>About Attention Studio</source>
        <translation>À propos d’Attention Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Attention Studio %1&lt;/b&gt;&lt;p&gt;Train, run and take apart attention models on the CPU, and see what they attend to.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Attention Studio %1&lt;/b&gt;&lt;p&gt;Entraîner, exécuter et démonter des modèles d’attention sur le processeur, et voir sur quoi ils portent leur attention.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quick guide</source>
        <translation>Guide rapide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;1. A model.&lt;/b&gt; Open one (File ▸ Open model, or drop a .safetensors file here), pick a bundled one in the Model panel, or train one in the Training tab.&lt;p&gt;&lt;b&gt;2. A sentence.&lt;/b&gt; Type it in the Input panel: it shows the tokens the model reads, unknown ones underlined in red. Decode greedily, with a beam, or force an output.&lt;p&gt;&lt;b&gt;3. Look.&lt;/b&gt; The Alignment tab shows, for every output token (rows), how much attention each source token (columns) got: point at a cell to read it, click a row to jump to that step, scroll to zoom, drag to pan. The Step by step panel replays the decoding (← → Home End, Space to play). Heads shows every head of a transformer; Hops the classifier&apos;s hops; Beam search the tree of hypotheses.&lt;p&gt;&lt;b&gt;4. Keep.&lt;/b&gt; File ▸ Export saves the figure (PNG, PDF), the matrix (CSV) and the trace (JSON); File ▸ Open trace shows a trace computed elsewhere.</source>
        <translation>&lt;b&gt;1. Un modèle.&lt;/b&gt; Ouvrez-en un (Fichier ▸ Ouvrir un modèle, ou déposez un fichier .safetensors ici), choisissez un modèle fourni dans le panneau Modèle, ou entraînez-en un dans l’onglet Entraînement.&lt;p&gt;&lt;b&gt;2. Une phrase.&lt;/b&gt; Tapez-la dans le panneau Entrée&#xa0;: il montre les tokens que lit le modèle, les inconnus soulignés en rouge. Décodez en glouton, avec un faisceau, ou forcez une sortie.&lt;p&gt;&lt;b&gt;3. Regarder.&lt;/b&gt; L’onglet Alignement montre, pour chaque token de sortie (lignes), combien d’attention chaque token source (colonnes) a reçu&#xa0;: pointez une case pour la lire, cliquez sur une ligne pour aller à cette étape, molette pour zoomer, glisser pour déplacer. Le panneau Pas à pas rejoue le décodage (← → Début Fin, Espace pour lancer). Têtes montre chaque tête d’un transformeur&#xa0;; Sauts, les sauts du classifieur&#xa0;; Recherche en faisceau, l’arbre des hypothèses.&lt;p&gt;&lt;b&gt;4. Garder.&lt;/b&gt; Fichier ▸ Exporter enregistre la figure (PNG, PDF), la matrice (CSV) et la trace (JSON)&#xa0;; Fichier ▸ Ouvrir une trace affiche une trace calculée ailleurs.</translation>
    </message>
    <message>
        <location filename="../main_window_files.cpp" line="+48"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Open model…</source>
        <translation>&amp;Ouvrir un modèle…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;trace…</source>
        <translation>Ouvrir une &amp;trace…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New training…</source>
        <translation>&amp;Nouvel entraînement…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save model…</source>
        <translation>&amp;Enregistrer le modèle…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save trace as &amp;JSON…</source>
        <translation>Enregistrer la trace en &amp;JSON…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export figure (PNG, PDF)…</source>
        <translation>E&amp;xporter la figure (PNG, PDF)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export matrix as &amp;CSV…</source>
        <translation>Exporter la matrice en &amp;CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open recent</source>
        <translation>Ouvrir un fichier récent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&apos;%1&apos; is no longer there.</source>
        <translation>«&#xa0;%1&#xa0;» n’est plus là.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It was removed from the list; open the file from its new place.</source>
        <translation>Il a été retiré de la liste&#xa0;; ouvrez le fichier depuis son nouvel emplacement.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(none yet)</source>
        <translation>(aucun pour l’instant)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the list</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open model</source>
        <translation>Ouvrir un modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention Studio models (*.safetensors);;All files (*)</source>
        <translation>Modèles Attention Studio (*.safetensors);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open trace</source>
        <translation>Ouvrir une trace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention traces (*.json);;All files (*)</source>
        <translation>Traces d’attention (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>Save model</source>
        <translation>Enregistrer le modèle</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>There is no model to save.</source>
        <translation>Il n’y a aucun modèle à enregistrer.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train or open a model first.</source>
        <translation>Entraînez ou ouvrez d’abord un modèle.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>model.safetensors</source>
        <translation>modele.safetensors</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attention Studio models (*.safetensors)</source>
        <translation>Modèles Attention Studio (*.safetensors)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+5"/>
        <location line="+9"/>
        <source>Save trace</source>
        <translation>Enregistrer la trace</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>There is no trace on screen.</source>
        <translation>Il n’y a aucune trace à l’écran.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decode a sentence first.</source>
        <translation>Décodez d’abord une phrase.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a folder you can write to.</source>
        <translation>Choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved the trace to %1</source>
        <translation>Trace enregistrée dans %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>trace.json</source>
        <translation>trace.json</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention traces (*.json)</source>
        <translation>Traces d’attention (*.json)</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+10"/>
        <source>Export figure</source>
        <translation>Exporter la figure</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Choose a .png or .pdf name in a folder you can write to.</source>
        <translation>Choisissez un nom en .png ou .pdf dans un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>attention.png</source>
        <translation>attention.png</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export matrix</source>
        <translation>Exporter la matrice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decode a sentence, then choose a folder you can write to.</source>
        <translation>Décodez une phrase, puis choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved the matrix to %1</source>
        <translation>Matrice enregistrée dans %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export matrix as CSV</source>
        <translation>Exporter la matrice en CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>attention.csv</source>
        <translation>attention.csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma-separated values (*.csv)</source>
        <translation>Valeurs séparées par des virgules (*.csv)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unsaved model</source>
        <translation>Modèle non enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model trained in this session has not been saved. Save it before it is replaced?</source>
        <translation>Le modèle entraîné pendant cette session n’a pas été enregistré. L’enregistrer avant qu’il soit remplacé&#xa0;?</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Training in progress</source>
        <translation>Entraînement en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A model is still training. Stop the training and quit?</source>
        <translation>Un modèle est encore en cours d’entraînement. Arrêter l’entraînement et quitter&#xa0;?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The model trained in this session has not been saved. Save it before closing?</source>
        <translation>Le modèle entraîné pendant cette session n’a pas été enregistré. L’enregistrer avant de fermer&#xa0;?</translation>
    </message>
</context>
<context>
    <name>attn::ui::ModelDocument</name>
    <message>
        <location filename="../model_document.cpp" line="+13"/>
        <source>no model</source>
        <translation>aucun modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trained model (unsaved)</source>
        <translation>modèle entraîné (non enregistré)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (unsaved changes)</source>
        <translation> (modifications non enregistrées)</translation>
    </message>
</context>
<context>
    <name>attn::ui::ModelPanel</name>
    <message>
        <location filename="../model_panel.cpp" line="+23"/>
        <source>Bundled</source>
        <translation>Fournis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Models trained for the course that come with the app</source>
        <translation>Modèles entraînés pour le cours, livrés avec l’application</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a model file (.safetensors): also by dragging it onto the window</source>
        <translation>Ouvrir un fichier de modèle (.safetensors)&#xa0;: aussi en le glissant sur la fenêtre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train new…</source>
        <translation>Entraîner…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a model on a built-in task or your own TSV file</source>
        <translation>Entraîner un modèle sur une tâche intégrée ou sur votre propre fichier TSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the trained model to a file</source>
        <translation>Enregistrer le modèle entraîné dans un fichier</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>none in this build</source>
        <translation>aucun dans cette version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pick one…</source>
        <translation>en choisir un…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;No model loaded.&lt;/b&gt;&lt;br&gt;Open a model file, pick a bundled model or train one: its architecture, sizes and vocabularies will show here.</source>
        <translation>&lt;b&gt;Aucun modèle chargé.&lt;/b&gt;&lt;br&gt;Ouvrez un fichier de modèle, choisissez un modèle fourni ou entraînez-en un&#xa0;: son architecture, ses tailles et ses vocabulaires s’afficheront ici.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p style=&apos;color:#b00020&apos;&gt;Trained in this session and not saved yet.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#b00020&apos;&gt;Entraîné pendant cette session et pas encore enregistré.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>attn::ui::ModelSummary</name>
    <message>
        <location filename="../model_summary.cpp" line="-141"/>
        <source>recurrent cell</source>
        <translation>cellule récurrente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>embedding size E</source>
        <translation>taille du plongement E</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hidden size H</source>
        <translation>taille de l’état caché H</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RNN layers L</source>
        <translation>couches RNN L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bidirectional encoder</source>
        <translation>encodeur bidirectionnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention</source>
        <translation>attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>score function</source>
        <translation>fonction de score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention size</source>
        <translation>taille de l’attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input feeding</source>
        <translation>input feeding (attention réinjectée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model width d</source>
        <translation>largeur du modèle d</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>heads</source>
        <translation>têtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>encoder layers</source>
        <translation>couches de l’encodeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decoder layers</source>
        <translation>couches du décodeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>feed-forward size</source>
        <translation>taille du feed-forward</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layer norm first</source>
        <translation>normalisation de couche d’abord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hops r</source>
        <translation>sauts r</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>classifier MLP size</source>
        <translation>taille du MLP du classifieur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>classes</source>
        <translation>classes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>penalty coefficient</source>
        <translation>coefficient de pénalité</translation>
    </message>
</context>
<context>
    <name>attn::ui::Session</name>
    <message>
        <location filename="../session.cpp" line="+24"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open model</source>
        <translation>Ouvrir un modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an Attention Studio model file (.safetensors), such as one saved after training here or exported from PyTorch with the metadata of MODEL_FORMAT.md §4.</source>
        <translation>Choisissez un fichier de modèle Attention Studio (.safetensors), par exemple un modèle enregistré après un entraînement ici ou exporté de PyTorch avec les métadonnées de MODEL_FORMAT.md §4.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Trace file %1</source>
        <translation>Fichier de trace %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open trace</source>
        <translation>Ouvrir une trace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a trace written by Attention Studio or attention-cli, or a JSON file in the format of MODEL_FORMAT.md §5.</source>
        <translation>Choisissez une trace écrite par Attention Studio ou attention-cli, ou un fichier JSON au format de MODEL_FORMAT.md §5.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opened trace %1</source>
        <translation>Trace %1 ouverte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot open &apos;%1&apos;: Attention Studio opens models (.safetensors) and traces (.json).</source>
        <translation>Impossible d’ouvrir «&#xa0;%1&#xa0;»&#xa0;: Attention Studio ouvre les modèles (.safetensors) et les traces (.json).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop or choose a .safetensors model or a .json trace.</source>
        <translation>Déposez ou choisissez un modèle .safetensors ou une trace .json.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save model</source>
        <translation>Enregistrer le modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a folder you can write to, with enough free space.</source>
        <translation>Choisissez un dossier où vous pouvez écrire, avec assez d’espace libre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved the model to %1</source>
        <translation>Modèle enregistré dans %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+15"/>
        <source>Decode</source>
        <translation>Décodage</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>There is no model to decode with.</source>
        <translation>Il n’y a aucun modèle pour décoder.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a model file, pick a bundled model, or train one first.</source>
        <translation>Ouvrez d’abord un fichier de modèle, choisissez un modèle fourni, ou entraînez-en un.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decoding…</source>
        <translation>Décodage…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Check the sentence and the options, then decode again.</source>
        <translation>Vérifiez la phrase et les options, puis décodez à nouveau.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>greedy decoding</source>
        <translation>décodage glouton</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>beam search (width %1)</source>
        <translation>recherche en faisceau (largeur %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>forced output (teacher forcing)</source>
        <translation>sortie forcée (forçage par l’enseignant)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>classification</source>
        <translation>classification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decoded: %1 output tokens</source>
        <translation>Décodé&#xa0;: %1 tokens de sortie</translation>
    </message>
</context>
<context>
    <name>attn::ui::StepControls</name>
    <message>
        <location filename="../step_controls.cpp" line="+23"/>
        <source>First step</source>
        <translation>Première étape</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous step</source>
        <translation>Étape précédente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next step</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last step</source>
        <translation>Dernière étape</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+47"/>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no output yet</source>
        <translation>pas encore de sortie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>step %1 of %2: “%3”</source>
        <translation>étape %1 sur %2&#xa0;: «&#xa0;%3&#xa0;»</translation>
    </message>
</context>
<context>
    <name>attn::ui::StepView</name>
    <message>
        <location filename="../step_view.cpp" line="+41"/>
        <location line="+121"/>
        <source>Attention over the source</source>
        <translation>Attention sur la source</translation>
    </message>
    <message>
        <location line="-118"/>
        <location line="+149"/>
        <source>Next-token probabilities</source>
        <translation>Probabilités du token suivant</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>Output so far</source>
        <translation>Sortie jusqu’ici</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>weight</source>
        <translation>poids</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>chosen</source>
        <translation>choisi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>probability</source>
        <translation>probabilité</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&lt;i&gt;Decode a sentence to follow the decoder one token at a time.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Décodez une phrase pour suivre le décodeur un token à la fois.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A classifier makes one decision: &lt;b&gt;%1&lt;/b&gt;. Its attention is in the Hops tab.</source>
        <translation>Un classifieur prend une seule décision&#xa0;: &lt;b&gt;%1&lt;/b&gt;. Son attention est dans l’onglet Sauts.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Attention over the source (%1)</source>
        <translation>Attention sur la source (%1)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;i&gt;This model has no attention: the decoder sees the source only through the encoder&apos;s final state (the bottleneck).&lt;/i&gt;</source>
        <translation>&lt;i&gt;Ce modèle n’a pas d’attention&#xa0;: le décodeur ne voit la source qu’à travers l’état final de l’encodeur (le goulot d’étranglement).&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Class probabilities</source>
        <translation>Probabilités des classes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next-token probabilities (top %1)</source>
        <translation>Probabilités du token suivant (les %1 premiers)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This trace holds no probabilities (a trace from elsewhere, or the hand-made example).</source>
        <translation>Cette trace ne contient pas de probabilités (une trace venue d’ailleurs, ou l’exemple fait à la main).</translation>
    </message>
</context>
<context>
    <name>attn::ui::TraceDocument</name>
    <message>
        <location filename="../trace_document.cpp" line="+65"/>
        <source>Cross-attention (output → source)</source>
        <translation>Attention croisée (sortie → source)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder self-attention (source → source)</source>
        <translation>Auto-attention de l’encodeur (source → source)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decoder self-attention (output → earlier outputs)</source>
        <translation>Auto-attention du décodeur (sortie → sorties précédentes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention hops (Lin et al.)</source>
        <translation>Sauts d’attention (Lin et al.)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>hop %1</source>
        <translation>saut %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>attention hops</source>
        <translation>sauts d’attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sentence tokens</source>
        <translation>tokens de la phrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 attention hops over the sentence</source>
        <translation>%1 sauts d’attention sur la phrase</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>source token (query)</source>
        <translation>token source (requête)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source token it looks at (key)</source>
        <translation>token source regardé (clé)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>output token</source>
        <translation>token de sortie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decoder input it looks back at</source>
        <translation>entrée du décodeur regardée en arrière</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>output tokens</source>
        <translation>tokens de sortie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source tokens</source>
        <translation>tokens source</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · layer %1 of %2</source>
        <translation> · couche %1 sur %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · mean over %1 heads</source>
        <translation> · moyenne sur %1 têtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · head %1 of %2</source>
        <translation> · tête %1 sur %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>layer %1</source>
        <translation>couche %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, mean over heads</source>
        <translation>, moyenne des têtes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, head %1</source>
        <translation>, tête %1</translation>
    </message>
</context>
<context>
    <name>attn::ui::TrainConfigForm</name>
    <message>
        <location filename="../train_config_form.cpp" line="+79"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built-in task</source>
        <translation>Tâche intégrée</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The same seed gives the same examples on every machine</source>
        <translation>La même graine donne les mêmes exemples sur toutes les machines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training examples to generate</source>
        <translation>Exemples d’entraînement à générer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held-out examples to measure progress on</source>
        <translation>Exemples mis de côté pour mesurer les progrès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortest source, in tokens (0: no bound)</source>
        <translation>Source la plus courte, en tokens (0&#xa0;: pas de limite)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest source, in tokens (0: no bound)</source>
        <translation>Source la plus longue, en tokens (0&#xa0;: pas de limite)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>copy / reverse / sort: how many distinct symbols</source>
        <translation>copie / inversion / tri&#xa0;: combien de symboles distincts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seed</source>
        <translation>graine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train examples</source>
        <translation>exemples d’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+213"/>
        <source>validation examples</source>
        <translation>exemples de validation</translation>
    </message>
    <message>
        <location line="-212"/>
        <source>min length</source>
        <translation>longueur min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max length</source>
        <translation>longueur max.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alphabet size</source>
        <translation>taille de l’alphabet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TSV file</source>
        <translation>Fichier TSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>source&lt;TAB&gt;target lines</source>
        <translation>lignes source&lt;TAB&gt;cible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>seq2seq: source&lt;TAB&gt;target; classification: text&lt;TAB&gt;label</source>
        <translation>seq2seq&#xa0;: source&lt;TAB&gt;cible&#xa0;; classification&#xa0;: texte&lt;TAB&gt;étiquette</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>word: split on spaces; char: one token per character</source>
        <translation>word&#xa0;: découpe aux espaces&#xa0;; char&#xa0;: un token par caractère</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the file held out for validation</source>
        <translation>Part du fichier mise de côté pour la validation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the file held out for testing</source>
        <translation>Part du fichier mise de côté pour le test</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tokenizer</source>
        <translation>découpage en tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation share</source>
        <translation>part de validation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test share</source>
        <translation>part de test</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Training data</source>
        <translation>Données d’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab-separated text (*.tsv *.txt);;All files (*)</source>
        <translation>Texte séparé par des tabulations (*.tsv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The recurrent cell of encoder and decoder</source>
        <translation>La cellule récurrente de l’encodeur et du décodeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of each token&apos;s embedding (E)</source>
        <translation>Taille du plongement de chaque token (E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of the RNN state (H)</source>
        <translation>Taille de l’état du RNN (H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked RNN layers (L)</source>
        <translation>Couches RNN empilées (L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the source both ways, as Bahdanau et al. did</source>
        <translation>Lire la source dans les deux sens, comme Bahdanau et al.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none: the bottleneck; bahdanau: query s(i−1); luong: query s(i)</source>
        <translation>none&#xa0;: le goulot d’étranglement&#xa0;; bahdanau&#xa0;: requête s(i−1)&#xa0;; luong&#xa0;: requête s(i)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>additive: vᵀtanh(Wq q + Wk h); general: qᵀWh; dot: qᵀh</source>
        <translation>additive&#xa0;: vᵀtanh(Wq q + Wk h)&#xa0;; general&#xa0;: qᵀWh&#xa0;; dot&#xa0;: qᵀh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size of the additive score&apos;s hidden layer (A)</source>
        <translation>Taille de la couche cachée du score additif (A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Luong: feed the previous attentional state into the RNN</source>
        <translation>Luong&#xa0;: réinjecter l’état attentionnel précédent dans le RNN</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Width of every token&apos;s vector (d); a multiple of the heads</source>
        <translation>Largeur du vecteur de chaque token (d)&#xa0;; un multiple du nombre de têtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention heads per layer</source>
        <translation>Têtes d’attention par couche</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hidden size of each layer&apos;s feed-forward block</source>
        <translation>Taille cachée du bloc feed-forward de chaque couche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer norm before each block (pre-norm) rather than after</source>
        <translation>Normalisation de couche avant chaque bloc (pre-norm) plutôt qu’après</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Per direction; the encoder is bidirectional</source>
        <translation>Par direction&#xa0;; l’encodeur est bidirectionnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d_a, the hidden size of the hop scorer</source>
        <translation>d_a, la taille cachée du calcul des scores des sauts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>r, how many attention hops</source>
        <translation>r, le nombre de sauts d’attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden size of the classifier on top</source>
        <translation>Taille cachée du classifieur au-dessus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of ‖AAᵀ − I‖² in the loss</source>
        <translation>Poids de ‖AAᵀ − I‖² dans la perte</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>RNN encoder–decoder (Bahdanau / Luong)</source>
        <translation>Encodeur–décodeur RNN (Bahdanau / Luong)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transformer</source>
        <translation>Transformeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Structured self-attention classifier (Lin et al.)</source>
        <translation>Classifieur à auto-attention structurée (Lin et al.)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not in this build of the engine yet: %1.</source>
        <translation>Pas encore dans cette version du moteur&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed of the initial weights</source>
        <translation>Graine des poids initiaux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>architecture</source>
        <translation>architecture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weights seed</source>
        <translation>graine des poids</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimizer steps (0: count epochs instead)</source>
        <translation>Pas d’optimisation (0&#xa0;: compter des époques à la place)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passes over the training examples, when steps is 0</source>
        <translation>Passages sur les exemples d’entraînement, quand le nombre de pas vaut 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples per step</source>
        <translation>Exemples par pas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Learning rate</source>
        <translation>Taux d’apprentissage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps over which the learning rate rises to its value</source>
        <translation>Pas pendant lesquels le taux d’apprentissage monte jusqu’à sa valeur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How the learning rate falls after the warm-up</source>
        <translation>Comment le taux d’apprentissage décroît après le préchauffage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear and cosine decay end at lr × this</source>
        <translation>Les décroissances linéaire et cosinus finissent à lr × ce facteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest global gradient norm (0: no clipping)</source>
        <translation>Plus grande norme globale du gradient (0&#xa0;: pas d’écrêtage)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed of the batch order</source>
        <translation>Graine de l’ordre des lots</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Validate every N steps (0: once per epoch)</source>
        <translation>Valider tous les N pas (0&#xa0;: une fois par époque)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation examples per evaluation (0: all)</source>
        <translation>Exemples de validation par évaluation (0&#xa0;: tous)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop after N validations without improvement (0: never)</source>
        <translation>Arrêter après N validations sans amélioration (0&#xa0;: jamais)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End with the weights of the best validation</source>
        <translation>Finir avec les poids de la meilleure validation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>steps</source>
        <translation>pas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epochs</source>
        <translation>époques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch size</source>
        <translation>taille de lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optimizer</source>
        <translation>optimiseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning rate</source>
        <translation>taux d’apprentissage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warm-up steps</source>
        <translation>pas de préchauffage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decay</source>
        <translation>décroissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min lr factor</source>
        <translation>facteur de lr min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradient clip</source>
        <translation>écrêtage du gradient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch seed</source>
        <translation>graine des lots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shuffle</source>
        <translation>mélange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validate every</source>
        <translation>valider tous les</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>patience</source>
        <translation>patience</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restore best</source>
        <translation>garder la meilleure</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Choose the TSV file to train on, or a built-in task.</source>
        <translation>Choisissez le fichier TSV sur lequel entraîner, ou une tâche intégrée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file &apos;%1&apos; does not exist.</source>
        <translation>Le fichier «&#xa0;%1&#xa0;» n’existe pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set how long to train: a number of steps or of epochs.</source>
        <translation>Indiquez combien de temps entraîner&#xa0;: un nombre de pas ou d’époques.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>d_model (%1) must be a multiple of nhead (%2).</source>
        <translation>d_model (%1) doit être un multiple de nhead (%2).</translation>
    </message>
</context>
<context>
    <name>attn::ui::TrainingPanel</name>
    <message>
        <location filename="../training_panel.cpp" line="+40"/>
        <source>Start training</source>
        <translation>Lancer l’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+99"/>
        <location line="+60"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not started</source>
        <translation>pas commencé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the data, the model and the settings on the left, then start. Training runs in the background: the rest of the app stays usable.</source>
        <translation>Choisissez les données, le modèle et les réglages à gauche, puis lancez. L’entraînement tourne en arrière-plan&#xa0;: le reste de l’application reste utilisable.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cancelled. The partly trained model was discarded.</source>
        <translation>Annulé. Le modèle en partie entraîné a été abandonné.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training stopped: %1</source>
        <translation>Entraînement arrêté&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fix the form on the left, then start again.</source>
        <translation>Corrigez le formulaire à gauche, puis relancez.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>preparing the data…</source>
        <translation>préparation des données…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generating the data and building the model…</source>
        <translation>Génération des données et construction du modèle…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training started</source>
        <translation>Entraînement lancé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelling after the current step…</source>
        <translation>Annulation après le pas en cours…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused: the training thread waits between two steps.</source>
        <translation>En pause&#xa0;: le fil d’entraînement attend entre deux pas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training…</source>
        <translation>Entraînement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training paused</source>
        <translation>Entraînement en pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training resumed</source>
        <translation>Entraînement repris</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%p% · step %1 of %2 · %3 left</source>
        <translation>%p&#xa0;% · pas %1 sur %2 · reste %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training… loss %1 (moving average %2), learning rate %3, epoch %4</source>
        <translation>Entraînement… perte %1 (moyenne mobile %2), taux d’apprentissage %3, époque %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Validation at step %1: %2</source>
        <translation>Validation au pas %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done: %1 steps in %2.</source>
        <translation>Terminé&#xa0;: %1 pas en %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exact match %1%</source>
        <translation>correspondance exacte %1&#xa0;%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy %1%</source>
        <translation>exactitude %1&#xa0;%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>token accuracy %1%</source>
        <translation>exactitude par token %1&#xa0;%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Best validation (step %1): %2.</source>
        <translation> Meilleure validation (pas %1)&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> The model is decoded in the Alignment tab; save it with File ▸ Save model.</source>
        <translation> Le modèle est décodé dans l’onglet Alignement&#xa0;; enregistrez-le avec Fichier ▸ Enregistrer le modèle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training finished</source>
        <translation>Entraînement terminé</translation>
    </message>
</context>
<context>
    <name>attn::ui::TrainingWorker</name>
    <message>
        <location filename="../training_worker.cpp" line="+56"/>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the data source and the settings in the form, then start again.</source>
        <translation>Vérifiez la source des données et les réglages du formulaire, puis relancez.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>loss %1</source>
        <translation>perte %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exact match</source>
        <translation>correspondance exacte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accuracy</source>
        <translation>exactitude</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>token accuracy</source>
        <translation>exactitude par token</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>BLEU %1</source>
        <translation>BLEU %1</translation>
    </message>
</context>
</TS>
