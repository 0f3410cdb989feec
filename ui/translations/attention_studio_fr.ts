<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ComputationText</name>
    <message>
        <location filename="../teach/computation_view_text.cpp" line="+99"/>
        <source> (%1 terms)</source>
        <translation> (%1 termes)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hop &lt;b&gt;r = %1&lt;/b&gt; of %2; the classifier reads every hop together and predicts %3. A hop has no query from a decoder: its own learned vector &lt;b&gt;w%4&lt;/b&gt;, row r of W%5 (%6 values), plays the query&apos;s part, and scores each token&apos;s tanh(W%7h%8).</source>
        <translation>Saut &lt;b&gt;r = %1&lt;/b&gt; sur %2&#xa0;; le classifieur lit tous les sauts ensemble et prédit %3. Un saut n’a pas de requête venue d’un décodeur&#xa0;: son propre vecteur appris &lt;b&gt;w%4&lt;/b&gt;, ligne r de W%5 (%6 valeurs), joue le rôle de la requête et donne un score au tanh(W%7h%8) de chaque token.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Output step &lt;b&gt;i = %1&lt;/b&gt;, which produces %2. </source>
        <translation>Étape de sortie &lt;b&gt;i = %1&lt;/b&gt;, qui produit %2. </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The query is the decoder state &lt;b&gt;q = s%1 = s%2&lt;/b&gt;, before this step reads anything (Bahdanau).</source>
        <translation>La requête est l’état du décodeur &lt;b&gt;q = s%1 = s%2&lt;/b&gt;, avant que cette étape ne lise quoi que ce soit (Bahdanau).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The query is the decoder state &lt;b&gt;q = s%1 = s%2&lt;/b&gt;, after this step&apos;s RNN read %3 (Luong%4).</source>
        <translation>La requête est l’état du décodeur &lt;b&gt;q = s%1 = s%2&lt;/b&gt;, après que le RNN de cette étape a lu %3 (Luong%4).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, with input feeding</source>
        <translation>, avec input feeding</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Source position &lt;b&gt;%1&lt;/b&gt; (%2), encoder layer %3</source>
        <translation>Position source &lt;b&gt;%1&lt;/b&gt; (%2), couche %3 de l’encodeur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decoder position &lt;b&gt;t = %1&lt;/b&gt; (it reads %2 and produces %3), decoder layer %4</source>
        <translation>Position du décodeur &lt;b&gt;t = %1&lt;/b&gt; (elle lit %2 et produit %3), couche %4 du décodeur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>x = LayerNorm(y + SelfAttn(LayerNorm(y))), the position after the layer&apos;s self-attention block (pre-norm)</source>
        <translation>x = LayerNorm(y + SelfAttn(LayerNorm(y))), la position après le bloc d’auto-attention de la couche (pre-norm)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>x = LayerNorm(y + SelfAttn(y)), the position after the layer&apos;s self-attention block</source>
        <translation>x = LayerNorm(y + SelfAttn(y)), la position après le bloc d’auto-attention de la couche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>x = LayerNorm(the layer&apos;s input) (pre-norm)</source>
        <translation>x = LayerNorm(l’entrée de la couche) (pre-norm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x is the layer&apos;s input at this position</source>
        <translation>x est l’entrée de la couche à cette position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, head &lt;b&gt;%2&lt;/b&gt; of %3. The head&apos;s query is &lt;b&gt;q = W%4x + b%4&lt;/b&gt;, its d%5 = %6 dimensions of the projection, where %7.</source>
        <translation>%1, tête &lt;b&gt;%2&lt;/b&gt; sur %3. La requête de la tête est &lt;b&gt;q = W%4x + b%4&lt;/b&gt;, ses d%5 = %6 dimensions de la projection, où %7.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Keys and values are the bidirectional RNN&apos;s annotations &lt;b&gt;h%1&lt;/b&gt;, one per token of the sentence, %2 values each (the forward and backward states side by side).</source>
        <translation>Les clés et les valeurs sont les annotations &lt;b&gt;h%1&lt;/b&gt; du RNN bidirectionnel, une par token de la phrase, de %2 valeurs chacune (les états avant et arrière côte à côte).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keys and values are the encoder&apos;s annotations &lt;b&gt;h%1&lt;/b&gt;, one per source token, %2 values each%3.</source>
        <translation>Les clés et les valeurs sont les annotations de l’encodeur &lt;b&gt;h%1&lt;/b&gt;, une par token source, de %2 valeurs chacune%3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (the forward and backward states side by side)</source>
        <translation> (les états avant et arrière côte à côte)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;k%1 = W%2 x%1 + b%2&lt;/b&gt; and &lt;b&gt;v%1 = W%3 x%1 + b%3&lt;/b&gt;</source>
        <translation>&lt;b&gt;k%1 = W%2 x%1 + b%2&lt;/b&gt; et &lt;b&gt;v%1 = W%3 x%1 + b%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys and values: %1, where x%2 is the encoder&apos;s output at source token j.</source>
        <translation>Clés et valeurs&#xa0;: %1, où x%2 est la sortie de l’encodeur au token source j.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys and values: %1, from the positions up to t only: the causal mask hides the later ones, which are not decoded yet.</source>
        <translation>Clés et valeurs&#xa0;: %1, des positions jusqu’à t seulement&#xa0;: le masque causal cache les suivantes, qui ne sont pas encore décodées.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys and values: %1, from every source position.</source>
        <translation>Clés et valeurs&#xa0;: %1, de toutes les positions source.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Dot score: %1 = q&lt;sup&gt;⊤&lt;/sup&gt;h%2&lt;br&gt;%3 = %4 = %5</source>
        <translation>Score produit scalaire&#xa0;: %1 = q&lt;sup&gt;⊤&lt;/sup&gt;h%2&lt;br&gt;%3 = %4 = %5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>General (bilinear) score: %1 = q&lt;sup&gt;⊤&lt;/sup&gt;W h%2&lt;br&gt;W%3 = %4&lt;br&gt;%5 = %6 = %7</source>
        <translation>Score général (bilinéaire)&#xa0;: %1 = q&lt;sup&gt;⊤&lt;/sup&gt;W h%2&lt;br&gt;W%3 = %4&lt;br&gt;%5 = %6 = %7</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Additive (MLP) score: %1 = v&lt;sup&gt;⊤&lt;/sup&gt;tanh(W%2q + W%3h%4)&lt;br&gt;W%2q = %5, W%3%6 = %7&lt;br&gt;tanh(W%2q + W%3%6) = %8&lt;br&gt;v = %11&lt;br&gt;%9 = v&lt;sup&gt;⊤&lt;/sup&gt;tanh(…) = %12 = %10</source>
        <translation>Score additif (MLP)&#xa0;: %1 = v&lt;sup&gt;⊤&lt;/sup&gt;tanh(W%2q + W%3h%4)&lt;br&gt;W%2q = %5, W%3%6 = %7&lt;br&gt;tanh(W%2q + W%3%6) = %8&lt;br&gt;v = %11&lt;br&gt;%9 = v&lt;sup&gt;⊤&lt;/sup&gt;tanh(…) = %12 = %10</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hop score: %1 = w%2&lt;sup&gt;⊤&lt;/sup&gt;tanh(W%3h%4)&lt;br&gt;W%3%5 = %6&lt;br&gt;tanh(W%3%5) = %7&lt;br&gt;w%2 = %8&lt;br&gt;%9 = %10 = %11</source>
        <translation>Score du saut&#xa0;: %1 = w%2&lt;sup&gt;⊤&lt;/sup&gt;tanh(W%3h%4)&lt;br&gt;W%3%5 = %6&lt;br&gt;tanh(W%3%5) = %7&lt;br&gt;w%2 = %8&lt;br&gt;%9 = %10 = %11</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scaled dot-product score: %1 = q·k%2 / √d%3&lt;br&gt;q·%4 = %5 = %6&lt;br&gt;%7 = %6 / √%8 = %9</source>
        <translation>Score produit scalaire mis à l’échelle&#xa0;: %1 = q·k%2 / √d%3&lt;br&gt;q·%4 = %5 = %6&lt;br&gt;%7 = %6 / √%8 = %9</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Softmax: %1 = exp(%2 − m) / Σ%3 exp(%4 − m), with m = max %2 = %5 (subtracting m changes nothing but keeps exp from overflowing)&lt;br&gt;%6 = exp(%7 − %11) / %8 = %9 / %8 = &lt;b&gt;%10&lt;/b&gt;</source>
        <translation>Softmax&#xa0;: %1 = exp(%2 − m) / Σ%3 exp(%4 − m), avec m = max %2 = %5 (soustraire m ne change rien mais évite que exp ne déborde)&lt;br&gt;%6 = exp(%7 − %11) / %8 = %9 / %8 = &lt;b&gt;%10&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The hop&apos;s summary of the sentence m%1</source>
        <translation>Le résumé de la phrase par le saut m%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>m%1 = Σ%2 a%3 h%2 = %4</source>
        <translation>m%1 = Σ%2 a%3 h%2 = %4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>M = AH: the %1 hops&apos; summaries of %2 values each, side by side in %3 values. Each hop can read a different part of the sentence; the penalty ‖AA&lt;sup&gt;⊤&lt;/sup&gt; − I‖² of training pushes them apart.</source>
        <translation>M = AH&#xa0;: les résumés des %1 sauts, de %2 valeurs chacun, côte à côte en %3 valeurs. Chaque saut peut lire une partie différente de la phrase&#xa0;; la pénalité ‖AA&lt;sup&gt;⊤&lt;/sup&gt; − I‖² de l’entraînement les écarte les uns des autres.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>p(class | sentence) = softmax(W%1 ReLU(W%2 M + b%2) + b%1), M flattened (%3 values) and the MLP&apos;s hidden layer of %4&lt;br&gt;The classifier predicts %5, with probability &lt;b&gt;%6&lt;/b&gt;.</source>
        <translation>p(classe | phrase) = softmax(W%1 ReLU(W%2 M + b%2) + b%1), M aplatie (%3 valeurs) et la couche cachée du MLP de %4&lt;br&gt;Le classifieur prédit %5, avec la probabilité &lt;b&gt;%6&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Recomputed here from the model&apos;s parameters. Largest difference from the weights the model put in the trace: %1</source>
        <translation>Recalculé ici à partir des paramètres du modèle. Plus grand écart avec les poids que le modèle a mis dans la trace&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>The context vector c%1</source>
        <translation>Le vecteur de contexte c%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The head&apos;s output</source>
        <translation>La sortie de la tête</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>c%1 = Σ%2 a%3 h%2 = %4</source>
        <translation>c%1 = Σ%2 a%3 h%2 = %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>head%1 = Σ%2 a%2 v%2 = %3</source>
        <translation>tête%1 = Σ%2 a%2 v%2 = %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The layer adds it to its input: x + MultiHead(LayerNorm(x)) (pre-norm).</source>
        <translation>La couche l’ajoute à son entrée&#xa0;: x + MultiHead(LayerNorm(x)) (pre-norm).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The layer adds it to its input and normalises: LayerNorm(x + MultiHead(x)).</source>
        <translation>La couche l’ajoute à son entrée et normalise&#xa0;: LayerNorm(x + MultiHead(x)).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MultiHead = W%1 [head%2; …; head%3] + b%1: the %4 heads&apos; outputs of %5 values each, concatenated into %6 values, then projected by W%1 (%6 × %6). %7</source>
        <translation>MultiHead = W%1 [tête%2&#xa0;; …&#xa0;; tête%3] + b%1&#xa0;: les sorties des %4 têtes, de %5 valeurs chacune, concaténées en %6 valeurs, puis projetées par W%1 (%6 × %6). %7</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>s%1 = RNN([emb(y%2); c%1], s%2), then p(y%1 | y%3, x) = softmax(W%4 [s%1; c%1] + b%4)</source>
        <translation>s%1 = RNN([emb(y%2); c%1], s%2), puis p(y%1 | y%3, x) = softmax(W%4 [s%1; c%1] + b%4)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>h̃%1 = tanh(W%2 [c%1; s%1]), then p(y%1 | y%3, x) = softmax(W%4 h̃%1 + b%4)</source>
        <translation>h̃%1 = tanh(W%2 [c%1; s%1]), puis p(y%1 | y%3, x) = softmax(W%4 h̃%1 + b%4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>z%1 = the top decoder layer&apos;s output at t after the final LayerNorm (every head of every layer contributes), then p(y%2 | y%3, x) = softmax(W%4 z%1 + b%4)</source>
        <translation>z%1 = la sortie de la dernière couche du décodeur en t après le LayerNorm final (chaque tête de chaque couche y contribue), puis p(y%2 | y%3, x) = softmax(W%4 z%1 + b%4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1&lt;br&gt;The decoder output %2, with probability &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>%1&lt;br&gt;Le décodeur a produit %2, avec la probabilité &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recomputed here from the model&apos;s parameters. The trace holds no weights for this row to compare with.</source>
        <translation>Recalculé ici à partir des paramètres du modèle. La trace ne contient pas de poids pour cette ligne avec lesquels comparer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>; from its scores: %1</source>
        <translation>&#xa0;; avec ses scores&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../teach/compare_runner.cpp" line="+47"/>
        <source>A does not know %1</source>
        <translation>A ne connaît pas %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>B does not know %1</source>
        <translation>B ne connaît pas %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>B reads A&apos;s %1 as &lt;unk&gt;</source>
        <translation>B lit le %1 de A comme &lt;unk&gt;</translation>
    </message>
</context>
<context>
    <name>attn::ui</name>
    <message>
        <location filename="../documents/example_alignment.cpp" line="+19"/>
        <source>Example: a hand-made English → French alignment, not a model&apos;s output</source>
        <translation>Exemple&#xa0;: un alignement anglais → français fait à la main, pas la sortie d’un modèle</translation>
    </message>
    <message>
        <location filename="../window/figure_export.cpp" line="+19"/>
        <location filename="../window/trace_files.cpp" line="+96"/>
        <source>cannot export &apos;%1&apos;: the name must end in .png or .pdf</source>
        <translation>impossible d’exporter «&#xa0;%1&#xa0;»&#xa0;: le nom doit se terminer par .png ou .pdf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>Image PNG (*.png);;Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../views/model_summary.cpp" line="+60"/>
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
        <location line="+14"/>
        <source>trained to read</source>
        <translation>entraîné à lire</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>for example:</source>
        <translation>par exemple&#xa0;:</translation>
    </message>
    <message>
        <location line="+32"/>
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
        <location filename="../window/trace_files.cpp" line="-54"/>
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
        <location filename="../window/user_error.cpp" line="+16"/>
        <source>Attention Studio hit an internal error: %1</source>
        <translation>Attention Studio a rencontré une erreur interne&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was saved over your files. Please report this message.</source>
        <translation>Aucun de vos fichiers n’a été écrasé. Merci de signaler ce message.</translation>
    </message>
    <message>
        <location filename="../window/window_capture.cpp" line="+27"/>
        <source>cannot capture the window: it has no size</source>
        <translation>impossible de capturer la fenêtre&#xa0;: elle n’a pas de taille</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot write &apos;%1&apos;: unknown image format (use .png)</source>
        <translation>impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: format d’image inconnu (utilisez .png)</translation>
    </message>
    <message>
        <location filename="../window/write_error.cpp" line="+14"/>
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
    <message>
        <location filename="../teach/reference_alignment.cpp" line="+17"/>
        <source>undefined</source>
        <translation>non défini</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The reference alignment scores cross-attention only (output → source).</source>
        <translation>L’alignement de référence n’évalue que l’attention croisée (sortie → source).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reference alignment: %1</source>
        <translation>Alignement de référence&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>attn::ui::AboutBox</name>
    <message>
        <location filename="../window/about_box.cpp" line="+27"/>
        <source>%1 build · %2 · Qt %3 (built with %4)</source>
        <translation>compilation %1 · %2 · Qt %3 (compilé avec %4)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Qt %1 (LGPL-3.0): the window and its widgets</source>
        <translation>Qt %1 (LGPL-3.0)&#xa0;: la fenêtre et ses widgets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QCustomPlot (GPL-3.0): the plots</source>
        <translation>QCustomPlot (GPL-3.0)&#xa0;: les graphiques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eigen %1.%2.%3 (MPL-2.0): the engine&apos;s matrices</source>
        <translation>Eigen %1.%2.%3 (MPL-2.0)&#xa0;: les matrices du moteur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nlohmann/json %1.%2.%3 (MIT): model metadata and traces</source>
        <translation>nlohmann/json %1.%2.%3 (MIT)&#xa0;: métadonnées des modèles et traces</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Attention Studio %1&lt;/b&gt;&lt;p&gt;Train, run and take apart attention models on the CPU, and see what they attend to.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Attention Studio %1&lt;/b&gt;&lt;p&gt;Entraîner, exécuter et démonter des modèles d’attention sur le processeur, et voir sur quoi ils portent leur attention.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Licence: GNU General Public License, version 3 or later (the LICENSE file). The libraries keep their own licences:</source>
        <translation>Licence&#xa0;: GNU General Public License, version 3 ou ultérieure (le fichier LICENSE). Les bibliothèques gardent leurs licences&#xa0;:</translation>
    </message>
</context>
<context>
    <name>attn::ui::AlignmentFormingView</name>
    <message>
        <location filename="../teach/alignment_forming_view.cpp" line="+44"/>
        <source>untrained (step 0)</source>
        <translation>non entraîné (pas 0)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step %1</source>
        <translation>pas %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Keep a snapshot every</source>
        <translation>Garder un instantané tous les</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>of</source>
        <translation>de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>→</source>
        <translation>→</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>auto (about %1 per run)</source>
        <translation>auto (environ %1 par entraînement)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> steps</source>
        <translation> pas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For the next training run. At most %1 snapshots are kept: past that, every other one goes.</source>
        <translation>Pour le prochain entraînement. Au plus %1 instantanés sont gardés&#xa0;: au-delà, un sur deux est retiré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a held-out example</source>
        <translation>un exemple mis de côté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sentence to watch in the next run, e.g. one whose words move (“the big black dog”); empty: the first held-out example</source>
        <translation>La phrase à observer au prochain entraînement, par exemple une dont les mots changent de place («&#xa0;the big black dog&#xa0;»)&#xa0;; vide&#xa0;: le premier exemple mis de côté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its reference output</source>
        <translation>sa sortie de référence</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The output the snapshots read with teacher forcing (“le grand chien noir”); a classifier needs none</source>
        <translation>La sortie que lisent les instantanés par forçage par l’enseignant («&#xa0;le grand chien noir&#xa0;»)&#xa0;; un classifieur n’en a pas besoin</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drag through the training run (← → step one snapshot)</source>
        <translation>Parcourir l’entraînement (← → un instantané à la fois)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play the snapshots one after the other</source>
        <translation>Faire défiler les instantanés l’un après l’autre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare with the newest</source>
        <translation>Comparer au plus récent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This snapshot as A, the newest as B, in the Compare tab</source>
        <translation>Cet instantané en A, le plus récent en B, dans l’onglet Comparer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Frames as PNG images…</source>
        <translation>Les images en PNG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traces as JSON…</source>
        <translation>Les traces en JSON…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Start a training run: every few steps the model reads one example sentence (a held-out one, or the one given below), and its attention is kept here. Then drag the slider (or press play) to watch the alignment form.</source>
        <translation>Lancez un entraînement&#xa0;: tous les quelques pas, le modèle lit une phrase d’exemple (une phrase mise de côté, ou celle donnée ci-dessous), et son attention est gardée ici. Faites ensuite glisser le curseur (ou lancez la lecture) pour voir l’alignement se former.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No snapshots in this run: the sentence to watch cannot be read (%1). Give one in the model&apos;s vocabulary, with its reference output, and train again.</source>
        <translation>Pas d’instantanés pour cet entraînement&#xa0;: la phrase à observer ne peut pas être lue (%1). Donnez-en une dans le vocabulaire du modèle, avec sa sortie de référence, et relancez l’entraînement.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Example: “%1”, the hops of the classifier as it learns.</source>
        <translation>Exemple&#xa0;: «&#xa0;%1&#xa0;», les sauts du classifieur pendant qu’il apprend.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Example: “%1” → “%2”. Each snapshot reads this reference output with teacher forcing, so every frame has the same rows and columns.</source>
        <translation>Exemple&#xa0;: «&#xa0;%1&#xa0;» → «&#xa0;%2&#xa0;». Chaque instantané lit cette sortie de référence par forçage par l’enseignant (teacher forcing), si bien que chaque image a les mêmes lignes et colonnes.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 · snapshot %2 of %3</source>
        <translation>%1 · instantané %2 sur %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>earlier outputs</source>
        <translation>sorties précédentes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>source tokens</source>
        <translation>tokens source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hops</source>
        <translation>sauts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>output tokens (the reference)</source>
        <translation>tokens de sortie (la référence)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>training loss %1</source>
        <translation>perte d’entraînement %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2% (validation at step %3)</source>
        <translation>%1 %2&#xa0;% (validation au pas %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>greedy output: “%1”</source>
        <translation>sortie gloutonne&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>❚❚ Pause</source>
        <translation>❚❚ Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>▶ Play</source>
        <translation>▶ Lecture</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+17"/>
        <source>There are no snapshots yet: train a model first.</source>
        <translation>Il n’y a pas encore d’instantanés&#xa0;: entraînez d’abord un modèle.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Cannot create the folder &apos;%1&apos;.</source>
        <translation>Impossible de créer le dossier «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot write &apos;%1&apos;.</source>
        <translation>Impossible d’écrire «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export the frames to</source>
        <translation>Exporter les images vers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export frames</source>
        <translation>Exporter les images</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the snapshots</source>
        <translation>Exporter les instantanés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export snapshots</source>
        <translation>Exporter les instantanés</translation>
    </message>
</context>
<context>
    <name>attn::ui::AlignmentReport</name>
    <message>
        <location filename="../teach/reference_alignment.cpp" line="-30"/>
        <source>AER %1 · precision %2 · recall %3</source>
        <translation>AER %1 · précision %2 · rappel %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Alignment error rate (Och &amp; Ney 2003): 1 − (|A∩S| + |A∩P|) / (|A| + |S|) with %1 links read off the attention (A, each output token&apos;s strongest source token), %2 sure (S) and %3 possible (P) reference links; %4 of A are sure links, %5 possible.</source>
        <translation>Taux d’erreur d’alignement (Och &amp; Ney 2003)&#xa0;: 1 − (|A∩S| + |A∩P|) / (|A| + |S|) avec %1 liens lus dans l’attention (A, le token source le plus fort de chaque token de sortie), %2 liens de référence sûrs (S) et %3 possibles (P)&#xa0;; %4 des liens de A sont sûrs, %5 possibles.</translation>
    </message>
</context>
<context>
    <name>attn::ui::AlignmentView</name>
    <message>
        <location filename="../views/alignment_view.cpp" line="+22"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head</source>
        <translation>Tête</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+51"/>
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
        <location filename="../views/beam_tree_view.cpp" line="+172"/>
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
        <location line="+7"/>
        <source>Beam search of width %1: one column per output step, each box a token with its hypothesis&apos; total log-probability. Finished hypotheses compete by that score divided by length&lt;sup&gt;α&lt;/sup&gt;, α = %2. The &lt;b style=&apos;color:#e6550d&apos;&gt;orange path&lt;/b&gt; is the output; grey hypotheses were dropped or lost. Click a box to read its hypothesis; on the orange path it also selects that step.</source>
        <translation>Recherche en faisceau de largeur %1&#xa0;: une colonne par étape de sortie, chaque case un token avec la log-probabilité totale de son hypothèse. Les hypothèses terminées s’affrontent sur ce score divisé par longueur&lt;sup&gt;α&lt;/sup&gt;, α = %2. Le &lt;b style=&apos;color:#e6550d&apos;&gt;chemin orange&lt;/b&gt; est la sortie&#xa0;; les hypothèses grises ont été écartées ou ont perdu. Cliquez sur une case pour lire son hypothèse&#xa0;; sur le chemin orange, cela sélectionne aussi cette étape.</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <location line="+3"/>
        <source>%1, ranked by %1 / %2&lt;sup&gt;%3&lt;/sup&gt; = %4</source>
        <translation>%1, classée par %1 / %2&lt;sup&gt;%3&lt;/sup&gt; = %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hypothesis: &lt;b&gt;%1&lt;/b&gt; · score %2 · %3</source>
        <translation>Hypothèse&#xa0;: &lt;b&gt;%1&lt;/b&gt; · score %2 · %3</translation>
    </message>
</context>
<context>
    <name>attn::ui::BottleneckDialog</name>
    <message>
        <location filename="../teach/bottleneck_dialog.cpp" line="+53"/>
        <source>%1: waiting</source>
        <translation>%1&#xa0;: en attente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: step %2 of %3, loss %4</source>
        <translation>%1&#xa0;: pas %2 sur %3, perte %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: decoding %2 of %3</source>
        <translation>%1&#xa0;: décodage %2 sur %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: done</source>
        <translation>%1&#xa0;: terminé</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The bottleneck experiment</source>
        <translation>L’expérience du goulot d’étranglement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two encoder-decoders, identical but for attention, learn the same task from the same data with the same seeds. Without attention the whole source must pass through one vector of the hidden size: watch its scores fall as the sources grow.</source>
        <translation>Deux encodeurs-décodeurs, identiques sauf pour l’attention, apprennent la même tâche sur les mêmes données avec les mêmes graines. Sans attention, toute la source doit passer par un seul vecteur de la taille de l’état caché&#xa0;: regardez ses scores chuter quand les sources s’allongent.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>source length</source>
        <translation>longueur de la source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exact match
without attention</source>
        <translation>correspondance exacte
sans attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exact match
with attention</source>
        <translation>correspondance exacte
avec attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BLEU
without attention</source>
        <translation>BLEU
sans attention</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BLEU
with attention</source>
        <translation>BLEU
avec attention</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundled settings</source>
        <translation>Réglages fournis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put back the settings of the bundled experiment</source>
        <translation>Remettre les réglages de l’expérience fournie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open results…</source>
        <translation>&amp;Ouvrir des résultats…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A result saved here or by attention-cli experiment bottleneck --out</source>
        <translation>Un résultat enregistré ici ou par attention-cli experiment bottleneck --out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save results…</source>
        <translation>&amp;Enregistrer les résultats…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CS&amp;V…</source>
        <translation>Exporter en CS&amp;V…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;PNG…</source>
        <translation>Exporter en &amp;PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+152"/>
        <source>Save results</source>
        <translation>Enregistrer les résultats</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+159"/>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+171"/>
        <source>Export PNG</source>
        <translation>Exporter en PNG</translation>
    </message>
    <message>
        <location line="-171"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The built-in settings (no bundled settings file found).</source>
        <translation>Les réglages intégrés (aucun fichier de réglages fourni trouvé).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings of the bundled experiment.</source>
        <translation>Réglages de l’expérience fournie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bundled settings could not be read (%1); these are the built-in ones.</source>
        <translation>Les réglages fournis n’ont pas pu être lus (%1)&#xa0;; voici les réglages intégrés.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bottleneck experiment</source>
        <translation>Expérience du goulot d’étranglement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the setting it names, then run again.</source>
        <translation>Modifiez le réglage indiqué, puis relancez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Generating the data…</source>
        <translation>Génération des données…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Generating the data: %1 test sentences, as many of each length…</source>
        <translation>Génération des données&#xa0;: %1 phrases de test, autant de chaque longueur…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Without attention</source>
        <translation>Sans attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With attention</source>
        <translation>Avec attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 elapsed</source>
        <translation>%1 écoulé</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done in %1. Exact match over every length: %2 without attention, %3 with; BLEU %4 and %5.</source>
        <translation>Terminé en %1. Correspondance exacte sur toutes les longueurs&#xa0;: %2 sans attention, %3 avec&#xa0;; BLEU %4 et %5.</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+48"/>
        <source>Open results</source>
        <translation>Ouvrir des résultats</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Open a file written by this dialog or by attention-cli experiment bottleneck --out.</source>
        <translation>Ouvrez un fichier écrit par cette fenêtre ou par attention-cli experiment bottleneck --out.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+11"/>
        <location line="+16"/>
        <source>Choose a folder you can write to.</source>
        <translation>Choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>E&amp;xperiments</source>
        <translation>E&amp;xpériences</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bottleneck experiment…</source>
        <translation>Expérience du &amp;goulot d’étranglement…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train a model without and one with attention, and compare them by sentence length</source>
        <translation>Entraîner un modèle sans attention et un avec, et les comparer selon la longueur des phrases</translation>
    </message>
</context>
<context>
    <name>attn::ui::BottleneckForm</name>
    <message>
        <location filename="../teach/bottleneck_form.cpp" line="+52"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The built-in task both models learn</source>
        <translation>La tâche intégrée qu’apprennent les deux modèles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shortest source, in the task&apos;s tokens</source>
        <translation>La source la plus courte, en tokens de la tâche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The longest source, in the task&apos;s tokens</source>
        <translation>La source la plus longue, en tokens de la tâche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many source lengths make one point of the plot</source>
        <translation>Combien de longueurs de source forment un point du graphique</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Training sentences</source>
        <translation>Phrases d’entraînement</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Test sentences of each length bucket</source>
        <translation>Phrases de test par tranche de longueur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The seed of the sentences</source>
        <translation>La graine des phrases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortest source</source>
        <translation>Source la plus courte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest source</source>
        <translation>Source la plus longue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lengths per point</source>
        <translation>Longueurs par point</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test sentences per point</source>
        <translation>Phrases de test par point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data seed</source>
        <translation>Graine des données</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Models (identical but for attention)</source>
        <translation>Modèles (identiques sauf pour l’attention)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E, the embedding size</source>
        <translation>E, la taille du plongement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>H, the size of the recurrent state: all that the model without attention keeps of the source</source>
        <translation>H, la taille de l’état récurrent&#xa0;: tout ce que le modèle sans attention garde de la source</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bidirectional encoder</source>
        <translation>Encodeur bidirectionnel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The attention of the second model; the first has none</source>
        <translation>L’attention du second modèle&#xa0;; le premier n’en a pas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell</source>
        <translation>Cellule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embedding size</source>
        <translation>Taille du plongement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden size</source>
        <translation>Taille de l’état caché</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training (the same for both)</source>
        <translation>Entraînement (le même pour les deux)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimizer steps of each model</source>
        <translation>Pas d’optimisation de chaque modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sentences per step</source>
        <translation>Phrases par pas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Adam&apos;s learning rate, decayed as the settings say</source>
        <translation>Le taux d’apprentissage d’Adam, décroissant selon les réglages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The seed of the weights and the batch order</source>
        <translation>La graine des poids et de l’ordre des lots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train both at once (two threads)</source>
        <translation>Entraîner les deux à la fois (deux fils)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>Pas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Taux d’apprentissage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
</context>
<context>
    <name>attn::ui::BottleneckPlot</name>
    <message>
        <location filename="../teach/bottleneck_plot.cpp" line="+39"/>
        <source>exact match</source>
        <translation>correspondance exacte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BLEU</source>
        <translation>BLEU</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+47"/>
        <source>without attention</source>
        <translation>sans attention</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>with attention</source>
        <translation>avec attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source length (tokens)</source>
        <translation>longueur de la source (tokens)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>with attention (%1)</source>
        <translation>avec attention (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The bottleneck: %1, %2 with H = %3, %4 training steps, %5 test sentences a point</source>
        <translation>Le goulot d’étranglement&#xa0;: %1, %2 avec H = %3, %4 pas d’entraînement, %5 phrases de test par point</translation>
    </message>
</context>
<context>
    <name>attn::ui::BottleneckRunner</name>
    <message>
        <location filename="../teach/bottleneck_runner.cpp" line="+40"/>
        <source>Bottleneck experiment</source>
        <translation>Expérience du goulot d’étranglement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the settings, then run the experiment again.</source>
        <translation>Vérifiez les réglages, puis relancez l’expérience.</translation>
    </message>
</context>
<context>
    <name>attn::ui::ClassroomMode</name>
    <message>
        <location filename="../teach/classroom_mode.cpp" line="+304"/>
        <source>Classroom &amp;mode</source>
        <translation>Mode &amp;classe</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location filename="../views/colour_maps.cpp" line="+31"/>
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
    <name>attn::ui::CompareRunner</name>
    <message>
        <location filename="../teach/compare_runner.cpp" line="-31"/>
        <source>Compare models</source>
        <translation>Comparer des modèles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare two models of the same task (they must read the sentence as the same tokens), on a sentence model A can decode.</source>
        <translation>Comparez deux modèles de la même tâche (ils doivent lire la phrase avec les mêmes tokens), sur une phrase que le modèle A peut décoder.</translation>
    </message>
</context>
<context>
    <name>attn::ui::CompareTools</name>
    <message>
        <location filename="../teach/compare_tools.cpp" line="+28"/>
        <source>Co&amp;mpare with model…</source>
        <translation>Co&amp;mparer avec un modèle…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run another model or a checkpoint on the same sentence, next to this one</source>
        <translation>Exécuter un autre modèle ou un point de sauvegarde sur la même phrase, à côté de celui-ci</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+17"/>
        <location line="+16"/>
        <source>Compare with model</source>
        <translation>Comparer avec un modèle</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>There is no model on screen to compare with.</source>
        <translation>Il n’y a aucun modèle à l’écran avec lequel comparer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open or train a model first: it is model A, the file you choose is model B.</source>
        <translation>Ouvrez ou entraînez d’abord un modèle&#xa0;: c’est le modèle A, le fichier que vous choisissez est le modèle B.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no sentence to compare the models on.</source>
        <translation>Il n’y a aucune phrase sur laquelle comparer les modèles.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type one in the Input panel, then compare again.</source>
        <translation>Tapez-en une dans le panneau Entrée, puis comparez à nouveau.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose an Attention Studio model file (.safetensors), such as a checkpoint of the same task.</source>
        <translation>Choisissez un fichier de modèle Attention Studio (.safetensors), par exemple un point de sauvegarde de la même tâche.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A comparison is still running.</source>
        <translation>Une comparaison est encore en cours.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wait a moment, then try again.</source>
        <translation>Attendez un instant, puis réessayez.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Attention Studio models (*.safetensors);;All files (*)</source>
        <translation>Modèles Attention Studio (*.safetensors);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>attn::ui::CompareView</name>
    <message>
        <location filename="../teach/compare_view.cpp" line="+66"/>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A:</source>
        <translation>A&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B:</source>
        <translation>B&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&apos;s output</source>
        <translation>la sortie de A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its own output</source>
        <translation>sa propre sortie</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing to compare yet.

File ▸ Compare with model… runs another model (or a checkpoint) on the sentence in the Input panel next to this one. In the Training tab, Alignment forming compares two snapshots of a run.</source>
        <translation>Rien à comparer pour l’instant.

Fichier ▸ Comparer avec un modèle… exécute un autre modèle (ou un point de sauvegarde) sur la phrase du panneau Entrée, à côté de celui-ci. Dans l’onglet Entraînement, Formation de l’alignement compare deux instantanés d’un entraînement.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>A sentence both models read</source>
        <translation>Une phrase que lisent les deux modèles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type another sentence and press Enter to compare the two models on it</source>
        <translation>Tapez une autre phrase et appuyez sur Entrée pour y comparer les deux modèles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run both models again on this sentence</source>
        <translation>Relancer les deux modèles sur cette phrase</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>B reads A&apos;s output by teacher forcing: both maps have the same rows, so they can be subtracted</source>
        <translation>B lit la sortie de A par forçage par l’enseignant&#xa0;: les deux cartes ont les mêmes lignes et peuvent donc être soustraites</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>B&apos;s own greedy output: its rows may differ from A&apos;s</source>
        <translation>La sortie gloutonne de B&#xa0;: ses lignes peuvent différer de celles de A</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sentence</source>
        <translation>Phrase</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>B reads</source>
        <translation>B lit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>red: B attends more · blue: A does</source>
        <translation>rouge&#xa0;: B regarde davantage · bleu&#xa0;: A</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>output token</source>
        <translation>token de sortie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>total variation</source>
        <translation>variation totale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>largest |B − A|</source>
        <translation>plus grand |B − A|</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A looks at</source>
        <translation>A regarde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B looks at</source>
        <translation>B regarde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Half the sum of |B − A| over the row: 0 when both spread their attention alike, 1 when they attend to different tokens altogether</source>
        <translation>La moitié de la somme de |B − A| sur la ligne&#xa0;: 0 quand les deux répartissent leur attention de la même façon, 1 quand ils regardent des tokens entièrement différents</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Comparing %1 and %2 on “%3”…</source>
        <translation>Comparaison de %1 et %2 sur «&#xa0;%3&#xa0;»…</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>hops</source>
        <translation>sauts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>output tokens</source>
        <translation>tokens de sortie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>earlier outputs</source>
        <translation>sorties précédentes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>source tokens</source>
        <translation>tokens source</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B, reading A&apos;s output</source>
        <translation>B, lisant la sortie de A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No difference map: %1.

Choose “B reads A&apos;s output” to put B on A&apos;s rows.</source>
        <translation>Pas de carte des différences&#xa0;: %1.

Choisissez «&#xa0;B lit la sortie de A&#xa0;» pour mettre B sur les lignes de A.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A wrote “%1”; B wrote “%2”.</source>
        <translation>A a écrit «&#xa0;%1&#xa0;»&#xa0;; B a écrit «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mean total variation %1 (0: the same weights, 1: disjoint) · the strongest column is the same in %2 of %3 rows</source>
        <translation>Variation totale moyenne %1 (0&#xa0;: les mêmes poids, 1&#xa0;: disjoints) · la colonne la plus forte est la même dans %2 lignes sur %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> · largest difference %1 at %2 → %3</source>
        <translation> · plus grand écart %1 en %2 → %3</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Against the reference (%1): </source>
        <translation>Par rapport à la référence (%1)&#xa0;: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A %1; B %2</source>
        <translation>A %1&#xa0;; B %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;A&lt;/b&gt; %1 wrote “%2”&lt;br&gt;&lt;b&gt;B&lt;/b&gt; %3 wrote “%4”</source>
        <translation>&lt;b&gt;A&lt;/b&gt; %1 a écrit «&#xa0;%2&#xa0;»&lt;br&gt;&lt;b&gt;B&lt;/b&gt; %3 a écrit «&#xa0;%4&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (the same)</source>
        <translation> (la même)</translation>
    </message>
</context>
<context>
    <name>attn::ui::ComputationView</name>
    <message>
        <location filename="../teach/computation_view.cpp" line="+100"/>
        <source>Previous output step</source>
        <translation>Étape de sortie précédente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next output step</source>
        <translation>Étape de sortie suivante</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+78"/>
        <location line="+75"/>
        <location filename="../teach/computation_view_render.cpp" line="+147"/>
        <source>Head</source>
        <translation>Tête</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>j</source>
        <translation>j</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key token</source>
        <translation>Token clé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exp(score − max)</source>
        <translation>exp(score − max)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight × value</source>
        <translation>Poids × valeur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click a row to see its numbers in the formulas</source>
        <translation>Cliquez sur une ligne pour voir ses nombres dans les formules</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Strongest key</source>
        <translation>Clé la plus forte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Its weight</source>
        <translation>Son poids</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a head to take it apart above</source>
        <translation>Cliquez sur une tête pour la décomposer ci-dessus</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../teach/computation_view_render.cpp" line="+33"/>
        <source>Next token</source>
        <translation>Token suivant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <location line="+57"/>
        <location filename="../teach/computation_view_render.cpp" line="-33"/>
        <source>Hop</source>
        <translation>Saut</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Decode a sentence to see one attention step computed with the model&apos;s own numbers.</source>
        <translation>Décodez une phrase pour voir une étape d’attention calculée avec les nombres du modèle lui-même.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The example on screen was drawn by hand: no model computed it. Open or train a model and decode a sentence to see its computation.</source>
        <translation>L’exemple à l’écran a été dessiné à la main&#xa0;: aucun modèle ne l’a calculé. Ouvrez ou entraînez un modèle et décodez une phrase pour voir son calcul.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The computation needs the model that made this trace: a trace holds the attention weights, not the parameters they were computed from. Open that model (File ▸ Open model) and decode the sentence again.</source>
        <translation>Le calcul a besoin du modèle qui a produit cette trace&#xa0;: une trace contient les poids d’attention, pas les paramètres dont ils ont été calculés. Ouvrez ce modèle (Fichier ▸ Ouvrir un modèle) et décodez à nouveau la phrase.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The open model cannot be taken apart here: %1.</source>
        <translation>Le modèle ouvert ne peut pas être décomposé ici&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This trace does not come from the open model: recomputed with its parameters, the weights differ from the trace&apos;s by up to %1. Decode the sentence with this model to see its computation.</source>
        <translation>Cette trace ne vient pas du modèle ouvert&#xa0;: recalculés avec ses paramètres, les poids diffèrent de ceux de la trace de %1 au plus. Décodez la phrase avec ce modèle pour voir son calcul.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The computation of this step is not available: %1. Decode the sentence with the open model to see it.</source>
        <translation>Le calcul de cette étape n’est pas disponible&#xa0;: %1. Décodez la phrase avec le modèle ouvert pour le voir.</translation>
    </message>
    <message>
        <location filename="../teach/computation_view_render.cpp" line="-63"/>
        <source>Source position &lt;b&gt;%1&lt;/b&gt; of %2</source>
        <translation>Position source &lt;b&gt;%1&lt;/b&gt; sur %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step &lt;b&gt;%1&lt;/b&gt; of %2: output %3</source>
        <translation>Étape &lt;b&gt;%1&lt;/b&gt; sur %2&#xa0;: sortie %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The query</source>
        <translation>La requête</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The hop&apos;s vector, in the query&apos;s place</source>
        <translation>Le vecteur du saut, à la place de la requête</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Scores, softmax and weights, one row per key</source>
        <translation>Scores, softmax et poids, une ligne par clé</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Every hop, side by side: M = AH</source>
        <translation>Tous les sauts, côte à côte&#xa0;: M = AH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every head, concatenated and projected</source>
        <translation>Toutes les têtes, concaténées et projetées</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>M = [m&lt;sub&gt;1&lt;/sub&gt;; …; m&lt;sub&gt;%1&lt;/sub&gt;]</source>
        <translation>M = [m&lt;sub&gt;1&lt;/sub&gt;; …; m&lt;sub&gt;%1&lt;/sub&gt;]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[head&lt;sub&gt;1&lt;/sub&gt;; …; head&lt;sub&gt;%1&lt;/sub&gt;]</source>
        <translation>[tête&lt;sub&gt;1&lt;/sub&gt;&#xa0;; …&#xa0;; tête&lt;sub&gt;%1&lt;/sub&gt;]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>W&lt;sub&gt;o&lt;/sub&gt;[…] + b&lt;sub&gt;o&lt;/sub&gt;</source>
        <translation>W&lt;sub&gt;o&lt;/sub&gt;[…] + b&lt;sub&gt;o&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The class distribution</source>
        <translation>La distribution des classes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The next-token distribution</source>
        <translation>La distribution du token suivant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The encoder&apos;s output reaches every output step through the decoder&apos;s cross-attention. Choose cross-attention or the decoder&apos;s self-attention to follow one step to its next token.</source>
        <translation>La sortie de l’encodeur atteint chaque étape de sortie par l’attention croisée du décodeur. Choisissez l’attention croisée ou l’auto-attention du décodeur pour suivre une étape jusqu’à son token suivant.</translation>
    </message>
</context>
<context>
    <name>attn::ui::CorpusForm</name>
    <message>
        <location filename="../panels/corpus_form.cpp" line="+69"/>
        <source>One TSV file</source>
        <translation>Un fichier TSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parallel files</source>
        <translation>Fichiers parallèles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A TSV file with the source and the target in two of its columns, or two text files of one sentence a line (line N of each makes example N)</source>
        <translation>Un fichier TSV avec la source et la cible dans deux de ses colonnes, ou deux fichiers texte d’une phrase par ligne (la ligne N de chacun forme l’exemple N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>source&lt;TAB&gt;target lines</source>
        <translation>lignes source&lt;TAB&gt;cible</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+16"/>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>The column (1-based) of the source, or of the text</source>
        <translation>La colonne (à partir de 1) de la source, ou du texte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The column (1-based) of the target, or of the label</source>
        <translation>La colonne (à partir de 1) de la cible, ou de l’étiquette</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>one source sentence a line</source>
        <translation>une phrase source par ligne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>as many target lines</source>
        <translation>autant de lignes cibles</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The first line names the columns or the language: do not train on it</source>
        <translation>La première ligne nomme les colonnes ou la langue&#xa0;: ne pas l’apprendre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seq2seq: source → target; classification: text → label</source>
        <translation>seq2seq&#xa0;: source → cible&#xa0;; classification&#xa0;: texte → étiquette</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From this computer&apos;s translations…</source>
        <translation>À partir des traductions de cet ordinateur…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Build an English → language corpus from the translation catalogs of the programs installed here</source>
        <translation>Construire un corpus anglais → langue à partir des catalogues de traduction des programmes installés ici</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>layout</source>
        <translation>forme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>columns (source, target)</source>
        <translation>colonnes (source, cible)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source file</source>
        <translation>fichier source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target file</source>
        <translation>fichier cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skip header</source>
        <translation>sauter l’en-tête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Training data</source>
        <translation>Données d’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source sentences</source>
        <translation>Phrases sources</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target sentences</source>
        <translation>Phrases cibles</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>word: split at spaces (&quot;Go.&quot; is one token); char: one token per character; words: Unicode words and punctuation apart, Chinese and Japanese cut into words; sentencepiece: subwords learned from the train split, so rare words become known pieces</source>
        <translation>word&#xa0;: coupe aux espaces («&#xa0;Go.&#xa0;» est un seul token)&#xa0;; char&#xa0;: un token par caractère&#xa0;; words&#xa0;: mots Unicode et ponctuation séparés, chinois et japonais coupés en mots&#xa0;; sentencepiece&#xa0;: sous-mots appris sur la partie d’entraînement, si bien que les mots rares deviennent des morceaux connus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>words, sentencepiece: fold the text to lower case first</source>
        <translation>words, sentencepiece&#xa0;: mettre d’abord le texte en minuscules</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>words: normalise the text to Unicode NFKC first (full-width letters and ligatures become plain ones)</source>
        <translation>words&#xa0;: normaliser d’abord le texte en Unicode NFKC (les lettres pleine chasse et les ligatures deviennent des lettres simples)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sentencepiece: how pieces are learned</source>
        <translation>sentencepiece&#xa0;: comment les morceaux sont appris</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sentencepiece: the most pieces to learn (a small corpus gets fewer)</source>
        <translation>sentencepiece&#xa0;: le plus de morceaux à apprendre (un petit corpus en a moins)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens seen fewer times become &lt;unk&gt;</source>
        <translation>Les tokens vus moins souvent deviennent &lt;unk&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The most tokens per vocabulary, the special tokens included (0: no limit)</source>
        <translation>Le plus de tokens par vocabulaire, tokens spéciaux compris (0&#xa0;: pas de limite)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tokenizer</source>
        <translation>découpage en tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lower case</source>
        <translation>minuscules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NFKC</source>
        <translation>NFKC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subword model</source>
        <translation>modèle de sous-mots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subword vocabulary</source>
        <translation>vocabulaire de sous-mots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min frequency</source>
        <translation>fréquence min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max vocabulary</source>
        <translation>vocabulaire max.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Leave out examples whose source has more tokens (0: keep all)</source>
        <translation>Écarter les exemples dont la source a plus de tokens (0&#xa0;: tout garder)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave out examples whose target has more tokens (0: keep all)</source>
        <translation>Écarter les exemples dont la cible a plus de tokens (0&#xa0;: tout garder)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep only the first of examples with the same source and target</source>
        <translation>Ne garder que le premier des exemples de même source et même cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The seed of the split into train, validation, test</source>
        <translation>La graine du partage en entraînement, validation, test</translation>
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
        <location line="+1"/>
        <source>max source tokens</source>
        <translation>tokens source max.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max target tokens</source>
        <translation>tokens cible max.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drop duplicates</source>
        <translation>écarter les doublons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>split seed</source>
        <translation>graine du partage</translation>
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
        <location line="+6"/>
        <source>Text files (*.tsv *.txt *.en *.fr);;All files (*)</source>
        <translation>Fichiers texte (*.tsv *.txt *.en *.fr);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Choose the source file and the target file to train on.</source>
        <translation>Choisissez le fichier source et le fichier cible sur lesquels entraîner.</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>The source and the target are both column %1: choose two different columns.</source>
        <translation>La source et la cible sont toutes deux la colonne %1&#xa0;: choisissez deux colonnes différentes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parallel files hold sentence pairs: choose seq2seq, or one TSV file for a classification task.</source>
        <translation>Des fichiers parallèles contiennent des paires de phrases&#xa0;: choisissez seq2seq, ou un fichier TSV pour une tâche de classification.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The validation and test shares leave almost nothing to train on.</source>
        <translation>Les parts de validation et de test ne laissent presque rien pour l’entraînement.</translation>
    </message>
</context>
<context>
    <name>attn::ui::CorpusPreviewPanel</name>
    <message>
        <location filename="../panels/corpus_preview_panel.cpp" line="+43"/>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>target</source>
        <translation>cible</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>source tokens</source>
        <translation>tokens source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>target tokens</source>
        <translation>tokens cible</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a corpus file in the form to see its first lines, tokens and counts.</source>
        <translation>Choisissez un fichier de corpus dans le formulaire pour voir ses premières lignes, ses tokens et ses comptes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading the corpus…</source>
        <translation>Lecture du corpus…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Counts from the first %1 of %2 pairs.</source>
        <translation>Comptes sur les %1 premières des %2 paires.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counts from all %1 pairs.</source>
        <translation>Comptes sur l’ensemble des %1 paires.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 pairs</source>
        <translation>%1 paires</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (%1 duplicates left out)</source>
        <translation> (%1 doublons écartés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vocabularies: source %1, target %2 (special tokens included)</source>
        <translation>vocabulaires&#xa0;: source %1, cible %2 (tokens spéciaux compris)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown tokens in held-out text: %1% (min frequency %2, max vocabulary %3)</source>
        <translation>tokens inconnus dans le texte mis de côté&#xa0;: %1&#xa0;% (fréquence min. %2, vocabulaire max. %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>over the length bounds: %1 sources, %2 targets</source>
        <translation>au-delà des bornes de longueur&#xa0;: %1 sources, %2 cibles</translation>
    </message>
</context>
<context>
    <name>attn::ui::CorpusPreviewRunner</name>
    <message>
        <location filename="../runners/corpus_preview_runner.cpp" line="+7"/>
        <source>Corpus preview</source>
        <translation>Aperçu du corpus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the file, its columns and the tokenizer.</source>
        <translation>Vérifiez le fichier, ses colonnes et le découpage en tokens.</translation>
    </message>
</context>
<context>
    <name>attn::ui::DecodeRunner</name>
    <message>
        <location filename="../runners/decode_runner.cpp" line="+11"/>
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
    <name>attn::ui::HeadAblationTable</name>
    <message>
        <location filename="../teach/head_ablation_table.cpp" line="+14"/>
        <source>cross</source>
        <translation>croisée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>encoder self</source>
        <translation>auto (encodeur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>decoder self</source>
        <translation>auto (décodeur)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A checked head reads nothing at every step: its output is zero before the layer&apos;s output projection (head masking, Michel et al. 2019).</source>
        <translation>Une tête cochée ne lit rien à aucune étape&#xa0;: sa sortie vaut zéro avant la projection de sortie de la couche (masquage de têtes, Michel et al. 2019).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>head %1</source>
        <translation>tête %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, layer %2</source>
        <translation>%1, couche %2</translation>
    </message>
</context>
<context>
    <name>attn::ui::HeadGrid</name>
    <message>
        <location filename="../views/head_grid.cpp" line="+127"/>
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
        <location line="-126"/>
        <location line="+133"/>
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
        <location line="+29"/>
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
        <location filename="../views/heatmap_view.cpp" line="+19"/>
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
        <location filename="../views/hops_view.cpp" line="+30"/>
        <source>Attention hops belong to the structured self-attention classifier (Lin et al. 2017): r hops read the sentence without any query, and a penalty keeps them looking at different words.

Open such a model, or a trace of one, to see its hops here.</source>
        <translation>Les sauts d’attention appartiennent au classifieur à auto-attention structurée (Lin et al. 2017)&#xa0;: r sauts lisent la phrase sans aucune requête, et une pénalité les pousse à regarder des mots différents.

Ouvrez un tel modèle, ou l’une de ses traces, pour voir ses sauts ici.</translation>
    </message>
    <message>
        <location line="+69"/>
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
        <location filename="../panels/input_panel.cpp" line="+28"/>
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
        <location line="+120"/>
        <location line="+12"/>
        <source>Decode</source>
        <translation>Décoder</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>Type a sentence for the model…</source>
        <translation>Tapez une phrase pour le modèle…</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+96"/>
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
        <location line="+13"/>
        <source>&lt;span style=&apos;color:#606060&apos;&gt;The tokens the model reads will show here.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#606060&apos;&gt;Les tokens que lit le modèle s’afficheront ici.&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Model reads: </source>
        <translation>Le modèle lit&#xa0;: </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of the %2 tokens (%3%) are unknown to the model: it cannot translate this sentence well. Is it in the language the model was trained on?</source>
        <translation>%1 des %2 tokens (%3&#xa0;%) sont inconnus du modèle&#xa0;: il ne peut pas bien traduire cette phrase. Est-elle dans la langue sur laquelle le modèle a été entraîné&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
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
    <name>attn::ui::InterventionPanel</name>
    <message>
        <location filename="../teach/intervention_panel.cpp" line="+64"/>
        <source>Rows of</source>
        <translation>Lignes de</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+48"/>
        <source>Decode again</source>
        <translation>Décoder à nouveau</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Decoding…</source>
        <translation>Décodage…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The output step to change: a row of the heatmaps (click one there)</source>
        <translation>L’étape de sortie à modifier&#xa0;: une ligne des cartes de chaleur (cliquez-en une)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Decode the sentence greedily with the edits, and compare (Ctrl+Shift+Return)</source>
        <translation>Décoder la phrase en glouton avec les modifications, et comparer (Ctrl+Maj+Entrée)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Output step</source>
        <translation>Étape de sortie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attention row of this step</source>
        <translation>Ligne d’attention de cette étape</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zero row</source>
        <translation>Ligne à zéro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights of 0: the model reads nothing from the source at this step</source>
        <translation>Poids à 0&#xa0;: le modèle ne lit rien de la source à cette étape</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-hot on</source>
        <translation>Tout sur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All the weight on one source token: it reads exactly that token</source>
        <translation>Tout le poids sur un seul token source&#xa0;: il lit exactement ce token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the weights above</source>
        <translation>Utiliser les poids ci-dessus</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Token chosen at this step</source>
        <translation>Token choisi à cette étape</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Force</source>
        <translation>Forcer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feed this token to the next steps instead of the most probable one</source>
        <translation>Donner ce token aux étapes suivantes au lieu du plus probable</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ablate heads (every step)</source>
        <translation>Désactiver des têtes (à chaque étape)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Edits</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Interventions need an encoder-decoder model and a sentence decoded with it: open or train one, and decode.</source>
        <translation>Les interventions demandent un modèle encodeur-décodeur et une phrase décodée avec lui&#xa0;: ouvrez-en ou entraînez-en un, et décodez.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This model has no attention over the source: only forcing tokens changes what it does.</source>
        <translation>Ce modèle n’a pas d’attention sur la source&#xa0;: seul le forçage de tokens change ce qu’il fait.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pick an output step, change what it attends to or which token it chooses, then decode again.</source>
        <translation>Choisissez une étape de sortie, changez ce qu’elle regarde ou le token qu’elle choisit, puis décodez à nouveau.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>layer %1</source>
        <translation>couche %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every head</source>
        <translation>toutes les têtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head %1</source>
        <translation>tête %1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The model chose “%1” here</source>
        <translation>Le modèle a choisi «&#xa0;%1&#xa0;» ici</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>zeroed</source>
        <translation>mise à zéro</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>one-hot on “%1”</source>
        <translation>tout sur «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>edited, renormalised</source>
        <translation>modifiée, renormalisée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>edited, as typed</source>
        <translation>modifiée, telle que saisie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (layer %1, every head)</source>
        <translation> (couche %1, toutes les têtes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (layer %1, head %2)</source>
        <translation> (couche %1, tête %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step %1: attention row %2%3</source>
        <translation>Étape %1&#xa0;: ligne d’attention %2%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Step %1: token forced to “%2”</source>
        <translation>Étape %1&#xa0;: token forcé à «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No edits of rows or tokens yet</source>
        <translation>Pas encore de modification de ligne ni de token</translation>
    </message>
</context>
<context>
    <name>attn::ui::InterventionResults</name>
    <message>
        <location filename="../teach/intervention_results.cpp" line="+86"/>
        <source>step</source>
        <translation>étape</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>before</source>
        <translation>avant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>log p</source>
        <translation>log p</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>after</source>
        <translation>après</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Δ log p</source>
        <translation>Δ log p</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+8"/>
        <source>after − before</source>
        <translation>après − avant</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Point at a cell to read it; click a row to pick that step.</source>
        <translation>Pointez une case pour la lire&#xa0;; cliquez sur une ligne pour choisir cette étape.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>weight</source>
        <translation>poids</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log-probabilities</source>
        <translation>Log-probabilités</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Make an edit on the left, then decode again to see what changes.</source>
        <translation>Faites une modification à gauche, puis décodez à nouveau pour voir ce qui change.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output: %1</source>
        <translation>Sortie&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The output changed from step %1 on. log p of the output: %2 → %3</source>
        <translation>La sortie a changé à partir de l’étape %1. log p de la sortie&#xa0;: %2 → %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The output did not change. log p of the output: %1 → %2</source>
        <translation>La sortie n’a pas changé. log p de la sortie&#xa0;: %1 → %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Before: %1&lt;br&gt;After: %2</source>
        <translation>Avant&#xa0;: %1&lt;br&gt;Après&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;br&gt;&lt;i&gt;The trace on screen was not decoded greedily: “before” is the greedy output, and its steps are the ones edited.&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;La trace à l’écran n’a pas été décodée en glouton&#xa0;: «&#xa0;avant&#xa0;» est la sortie gloutonne, et ce sont ses étapes qui sont modifiées.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>layer %1, mean over heads</source>
        <translation>couche %1, moyenne des têtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layer %1, head %2</source>
        <translation>couche %1, tête %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>: nothing yet</source>
        <translation>&#xa0;: rien pour l’instant</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>After − before</source>
        <translation>Après − avant</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>After − before: blue less, red more</source>
        <translation>Après − avant&#xa0;: bleu moins, rouge plus</translation>
    </message>
</context>
<context>
    <name>attn::ui::InterventionRunner</name>
    <message>
        <location filename="../teach/intervention_runner.cpp" line="+23"/>
        <source>Decode again</source>
        <translation>Décoder à nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change or remove the edit, then decode again.</source>
        <translation>Changez ou retirez la modification, puis décodez à nouveau.</translation>
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
    <name>attn::ui::LayerHeadPicker</name>
    <message>
        <location filename="../teach/layer_head_picker.cpp" line="+14"/>
        <source>layer</source>
        <translation>couche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>head</source>
        <translation>tête</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deeper layers attend to what earlier layers computed</source>
        <translation>Les couches profondes portent leur attention sur ce que les couches précédentes ont calculé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each head learns its own relations; the mean shows them together</source>
        <translation>Chaque tête apprend ses propres relations&#xa0;; la moyenne les montre ensemble</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all %1 hops</source>
        <translation>les %1 sauts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mean of %1</source>
        <translation>moyenne des %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hop %1</source>
        <translation>saut %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1</source>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>attn::ui::LengthHistogram</name>
    <message>
        <location filename="../views/length_histogram.cpp" line="+30"/>
        <source>sources</source>
        <translation>sources</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>targets</source>
        <translation>cibles</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>length in tokens</source>
        <translation>longueur en tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>examples</source>
        <translation>exemples</translation>
    </message>
</context>
<context>
    <name>attn::ui::LossPlot</name>
    <message>
        <location filename="../views/loss_plot.cpp" line="+20"/>
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
        <location filename="../window/main_window.cpp" line="+64"/>
        <location line="+239"/>
        <source>Attention Studio</source>
        <translation>Attention Studio</translation>
    </message>
    <message>
        <location filename="../window/main_window_tabs.cpp" line="+33"/>
        <source>Alignment</source>
        <translation>Alignement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Heads</source>
        <translation>Têtes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hops</source>
        <translation>Sauts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Beam search</source>
        <translation>Recherche en faisceau</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two models, or two moments of a training run, on the same input</source>
        <translation>Deux modèles, ou deux moments d’un entraînement, sur la même entrée</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>The attention of each output token over the source</source>
        <translation>L’attention de chaque token de sortie sur la source</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every head of every layer, side by side</source>
        <translation>Chaque tête de chaque couche, côte à côte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The classifier&apos;s attention hops and their penalty</source>
        <translation>Les sauts d’attention du classifieur et leur pénalité</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hypotheses beam search kept</source>
        <translation>Les hypothèses gardées par la recherche en faisceau</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Train a new model</source>
        <translation>Entraîner un nouveau modèle</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A transformer&apos;s raw attention beside its attention rollout</source>
        <translation>L’attention brute d’un transformeur à côté de son rollout d’attention</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saliency</source>
        <translation>Saillance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which source tokens each output token depends on, from gradients</source>
        <translation>De quels tokens source dépend chaque token de sortie, d’après les gradients</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Intervene</source>
        <translation>Intervenir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change what the model attends to, decode again, and see what changed</source>
        <translation>Changer ce que regarde le modèle, décoder à nouveau, et voir ce qui a changé</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Computation</source>
        <translation>Calcul</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One attention step computed with the model&apos;s own numbers: query, scores, softmax, context</source>
        <translation>Une étape d’attention calculée avec les nombres du modèle lui-même&#xa0;: requête, scores, softmax, contexte</translation>
    </message>
    <message>
        <location filename="../window/main_window.cpp" line="-178"/>
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
        <location line="+31"/>
        <source>decoding…</source>
        <translation>décodage…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&amp;Decode</source>
        <translation>&amp;Décodage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decode the sentence</source>
        <translation>&amp;Décoder la phrase</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decode &amp;again with the edits</source>
        <translation>Décoder à &amp;nouveau avec les modifications</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Replace unknown words</source>
        <translation>&amp;Remplacer les mots inconnus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show each &lt;unk&gt; of the output as the source token it attends to most</source>
        <translation>Montrer chaque &lt;unk&gt; de la sortie comme le token source auquel il prête le plus attention</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Colour map</source>
        <translation>&amp;Palette de couleurs</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ta&amp;bs</source>
        <translation>&amp;Onglets</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the &amp;whole map</source>
        <translation>Afficher la carte &amp;entière</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mer&amp;ge subwords into words</source>
        <translation>&amp;Fusionner les sous-mots en mots</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Attention Studio</source>
        <translation>À &amp;propos d’Attention Studio</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+11"/>
        <source>Quick guide</source>
        <translation>Guide rapide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;1. A model.&lt;/b&gt; Open one (File ▸ Open model, or drop a .safetensors file here), pick a bundled one in the Model panel, or train one in the Training tab.&lt;p&gt;&lt;b&gt;2. A sentence.&lt;/b&gt; Type it in the Input panel: it shows the tokens the model reads, unknown ones underlined in red. Decode greedily, with a beam, or force an output.&lt;p&gt;&lt;b&gt;3. Look.&lt;/b&gt; The Alignment tab shows, for every output token (rows), how much attention each source token (columns) got: point at a cell to read it, click a row to jump to that step, scroll to zoom, drag to pan. The Step by step panel replays the decoding (← → Home End, Space to play). Heads shows every head of a transformer; Hops the classifier&apos;s hops; Beam search the tree of hypotheses.&lt;p&gt;&lt;b&gt;4. Take it apart.&lt;/b&gt; Rollout follows attention through the layers, Saliency asks which input tokens the output depends on, Computation recomputes one step number by number, Intervene edits attention and decodes again, Compare sets two models side by side. View ▸ Tabs lists every tab (Alt+1 … Alt+9) when the window is too narrow to show them all.&lt;p&gt;&lt;b&gt;5. Keep.&lt;/b&gt; File ▸ Export saves the figure (PNG, PDF), the matrix (CSV) and the trace (JSON); File ▸ Open trace shows a trace computed elsewhere.</source>
        <translation>&lt;b&gt;1. Un modèle.&lt;/b&gt; Ouvrez-en un (Fichier ▸ Ouvrir un modèle, ou déposez un fichier .safetensors ici), choisissez un modèle fourni dans le panneau Modèle, ou entraînez-en un dans l’onglet Entraînement.&lt;p&gt;&lt;b&gt;2. Une phrase.&lt;/b&gt; Tapez-la dans le panneau Entrée&#xa0;: il montre les tokens que lit le modèle, les inconnus soulignés en rouge. Décodez en glouton, avec un faisceau, ou forcez une sortie.&lt;p&gt;&lt;b&gt;3. Regarder.&lt;/b&gt; L’onglet Alignement montre, pour chaque token de sortie (lignes), combien d’attention chaque token source (colonnes) a reçu&#xa0;: pointez une case pour la lire, cliquez sur une ligne pour aller à cette étape, molette pour zoomer, glisser pour déplacer. Le panneau Pas à pas rejoue le décodage (← → Début Fin, Espace pour lancer). Têtes montre chaque tête d’un transformeur&#xa0;; Sauts, les sauts du classifieur&#xa0;; Recherche en faisceau, l’arbre des hypothèses.&lt;p&gt;&lt;b&gt;4. Démonter.&lt;/b&gt; Rollout suit l’attention à travers les couches, Saillance demande de quels tokens d’entrée dépend la sortie, Calcul refait une étape nombre par nombre, Intervenir modifie l’attention et décode de nouveau, Comparer met deux modèles côte à côte. Affichage ▸ Onglets liste tous les onglets (Alt+1 … Alt+9) quand la fenêtre est trop étroite pour les montrer tous.&lt;p&gt;&lt;b&gt;5. Garder.&lt;/b&gt; Fichier ▸ Exporter enregistre la figure (PNG, PDF), la matrice (CSV) et la trace (JSON)&#xa0;; Fichier ▸ Ouvrir une trace affiche une trace calculée ailleurs.</translation>
    </message>
    <message>
        <location filename="../window/main_window_files.cpp" line="+48"/>
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
        <source>New training from t&amp;his computer&apos;s translations…</source>
        <translation>Nouvel entraînement à partir des tra&amp;ductions de cet ordinateur…</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location filename="../documents/model_document.cpp" line="+13"/>
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
        <location filename="../panels/model_panel.cpp" line="+24"/>
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
        <location line="+3"/>
        <source>On a task or a corpus file…</source>
        <translation>Sur une tâche ou un fichier de corpus…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From this computer&apos;s translations…</source>
        <translation>À partir des traductions de cet ordinateur…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the trained model to a file</source>
        <translation>Enregistrer le modèle entraîné dans un fichier</translation>
    </message>
    <message>
        <location line="+37"/>
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
        <location filename="../views/model_summary.cpp" line="-171"/>
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
    <name>attn::ui::ReferenceAlignmentTool</name>
    <message>
        <location filename="../teach/reference_alignment_tool.cpp" line="+20"/>
        <source>One sentence pair per line, links separated by spaces: i-j for a sure link, i?j for a possible one, i the source token and j the output token, counted from 0 without &lt;eos&gt; (the Pharaoh format of Moses and fast_align).</source>
        <translation>Une paire de phrases par ligne, liens séparés par des espaces&#xa0;: i-j pour un lien sûr, i?j pour un lien possible, i le token source et j le token de sortie, comptés à partir de 0 sans &lt;eos&gt; (le format Pharaoh de Moses et fast_align).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Load reference &amp;alignment…</source>
        <translation>Charger un &amp;alignement de référence…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ype reference alignment…</source>
        <translation>&amp;Saisir un alignement de référence…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear reference alignment</source>
        <translation>Effacer l’alignement de référence</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Score the attention against an alignment made by people (AER)</source>
        <translation>Évaluer l’attention par rapport à un alignement fait par des personnes (AER)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+16"/>
        <source>Reference alignment</source>
        <translation>Alignement de référence</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>&apos;%1&apos; has no alignment line.</source>
        <translation>«&#xa0;%1&#xa0;» n’a aucune ligne d’alignement.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; holds %2 sentence pairs. Which line goes with the sentence on screen?</source>
        <translation>«&#xa0;%1&#xa0;» contient %2 paires de phrases. Quelle ligne correspond à la phrase à l’écran&#xa0;?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; has %2 lines; there is no line %3.</source>
        <translation>«&#xa0;%1&#xa0;» a %2 lignes&#xa0;; il n’y a pas de ligne %3.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, line %2</source>
        <translation>%1, ligne %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>typed</source>
        <translation>saisi</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Load reference alignment</source>
        <translation>Charger un alignement de référence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignments (*.align *.txt *.wa *.a);;All files (*)</source>
        <translation>Alignements (*.align *.txt *.wa *.a);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type reference alignment</source>
        <translation>Saisir un alignement de référence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links for the sentence on screen, e.g. 0-0 1-1 3-2 2-3 4?4.
%1</source>
        <translation>Liens pour la phrase à l’écran, par exemple 0-0 1-1 3-2 2-3 4?4.
%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reference: %1</source>
        <translation>Référence&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reference: not scored</source>
        <translation>Référence&#xa0;: non évalué</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reference alignment: %1
%2</source>
        <translation>Alignement de référence&#xa0;: %1
%2</translation>
    </message>
</context>
<context>
    <name>attn::ui::RolloutView</name>
    <message>
        <location filename="../teach/rollout_view.cpp" line="+61"/>
        <source>&amp;Attention:</source>
        <translation>&amp;Attention&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Layer:</source>
        <translation>&amp;Couche&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Raw heads:</source>
        <translation>Têtes &amp;brutes&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The raw map shows the mean over heads or one head; rollout always composes the mean over heads, as Abnar &amp; Zuidema do.</source>
        <translation>La carte brute montre la moyenne des têtes ou une seule tête&#xa0;; le rollout compose toujours la moyenne des têtes, comme le font Abnar &amp; Zuidema.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Attention rollout (Abnar &amp; Zuidema 2020) follows attention through a stack of self-attention layers, down to the input tokens.

It needs a transformer: open the toy-fr transformer, or a trace of one. An RNN&apos;s single cross-attention and the classifier&apos;s hops have no layers to compose.</source>
        <translation>Le rollout d’attention (Abnar &amp; Zuidema 2020) suit l’attention à travers une pile de couches d’auto-attention, jusqu’aux tokens d’entrée.

Il faut un transformeur&#xa0;: ouvrez le transformeur toy-fr, ou l’une de ses traces. L’unique attention croisée d’un RNN et les sauts du classifieur n’ont pas de couches à composer.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>mean over %n head(s)</source>
        <translation>
            <numerusform>moyenne sur %n tête</numerusform>
            <numerusform>moyenne sur %n têtes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head %1</source>
        <translation>tête %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No rollout for this trace: %1</source>
        <translation>Pas de rollout pour cette trace&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This trace&apos;s maps do not fit together, so there is no rollout to show.</source>
        <translation>Les cartes de cette trace ne s’accordent pas, il n’y a donc pas de rollout à montrer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Raw attention · layer %1 of %2
%3</source>
        <translation>Attention brute · couche %1 sur %2
%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rollout through layer 1 (Ã₁ alone)</source>
        <translation>Rollout jusqu’à la couche 1 (Ã₁ seule)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rollout through layers 1–%1</source>
        <translation>Rollout à travers les couches 1 à %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>source tokens (encoder input)</source>
        <translation>tokens source (entrée de l’encodeur)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>attention weight</source>
        <translation>poids d’attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share of the token</source>
        <translation>part du token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Rollout&lt;/b&gt; treats each layer&apos;s residual connection as attention to oneself: Ã = ½·(mean over heads) + ½·I, rows renormalised, multiplied from layer 1 up (Abnar &amp;amp; Zuidema 2020). Row i tells how much of each token reaches position i along every attention path.</source>
        <translation>Le &lt;b&gt;rollout&lt;/b&gt; traite la connexion résiduelle de chaque couche comme une attention à soi-même&#xa0;: Ã = ½·(moyenne des têtes) + ½·I, lignes renormalisées, multipliées à partir de la couche 1 (Abnar &amp;amp; Zuidema 2020). La ligne i indique quelle part de chaque token atteint la position i par tous les chemins d’attention.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> For cross-attention, each decoder layer mixes its own stream with the encoder&apos;s output (½ each), and that output is the encoder&apos;s rollout over the source tokens: one decoder layer gives cross map × encoder rollout, and later layers weigh more.</source>
        <translation> Pour l’attention croisée, chaque couche du décodeur mélange son propre flux avec la sortie de l’encodeur (½ chacun), et cette sortie est le rollout de l’encodeur sur les tokens source&#xa0;: une couche de décodeur donne carte croisée × rollout de l’encodeur, et les couches suivantes pèsent davantage.</translation>
    </message>
</context>
<context>
    <name>attn::ui::RowEditor</name>
    <message>
        <location filename="../teach/row_editor.cpp" line="+17"/>
        <source>Divide by the sum (renormalise)</source>
        <translation>Diviser par la somme (renormaliser)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>source token</source>
        <translation>token source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>weight</source>
        <translation>poids</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>On: the weights are divided by their sum, so the row is a distribution again. Off: they are used as typed, and a row that does not sum to 1 scales what the model reads.</source>
        <translation>Activé&#xa0;: les poids sont divisés par leur somme, la ligne redevient une distribution. Désactivé&#xa0;: ils sont utilisés tels que saisis, et une ligne dont la somme n’est pas 1 change l’échelle de ce que lit le modèle.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>weight of %1</source>
        <translation>poids de %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Sum of the row: %1</source>
        <translation>Somme de la ligne&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — the model reads nothing from the source at this step</source>
        <translation> — le modèle ne lit rien de la source à cette étape</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — divided by it when used</source>
        <translation> — les poids seront divisés par elle</translation>
    </message>
</context>
<context>
    <name>attn::ui::SaliencyRunner</name>
    <message>
        <location filename="../teach/saliency_view_runner.cpp" line="+49"/>
        <source>Saliency</source>
        <translation>Saillance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decode the sentence again with the model that made it.</source>
        <translation>Décodez à nouveau la phrase avec le modèle qui l&apos;a produite.</translation>
    </message>
</context>
<context>
    <name>attn::ui::SaliencyView</name>
    <message>
        <location filename="../teach/saliency_view.cpp" line="+82"/>
        <source>gradient × input (signed)</source>
        <translation>gradient × entrée (signé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradient norm ‖∂f/∂e‖</source>
        <translation>norme du gradient ‖∂f/∂e‖</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>log p of the output token</source>
        <translation>log p du token de sortie</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>logit of the output token</source>
        <translation>logit du token de sortie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>f, the number differentiated. A model sure of its token has p ≈ 1, where log p is flat: the logit then shows better what supports it.</source>
        <translation>f, le nombre dérivé. Un modèle sûr de son token a p ≈ 1, là où log p est plat&#xa0;: le logit montre alors mieux ce qui le soutient.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Measure:</source>
        <translation>&amp;Mesure&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Of:</source>
        <translation>&amp;De&#xa0;:</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+91"/>
        <source>No saliency for this trace: %1</source>
        <translation>Pas de saillance pour cette trace&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>The hand-made example has no model behind it, and saliency differentiates a model. Open a model and decode a sentence.</source>
        <translation>L’exemple fait à la main n’a pas de modèle derrière lui, et la saillance dérive un modèle. Ouvrez un modèle et décodez une phrase.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saliency differentiates the model that made this trace, and no model is open. Open that model (File ▸ Open model) and decode the sentence again.</source>
        <translation>La saillance dérive le modèle qui a produit cette trace, et aucun modèle n’est ouvert. Ouvrez ce modèle (Fichier ▸ Ouvrir un modèle) et décodez à nouveau la phrase.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Decode a sentence to see which source tokens each output token depends on.</source>
        <translation>Décodez une phrase pour voir de quels tokens source dépend chaque token de sortie.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Computing the gradients…</source>
        <translation>Calcul des gradients…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The class &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>La classe &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output step %1 of %2: &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Étape de sortie %1 sur %2&#xa0;: &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · log p = %1 (p = %2%) · logit %3</source>
        <translation> · log p = %1 (p = %2&#xa0;%) · logit %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>logit</source>
        <translation>logit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>log p</source>
        <translation>log p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>∂ %1 / ∂e · e</source>
        <translation>∂ %1 / ∂e · e</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>‖∂ %1 / ∂e‖</source>
        <translation>‖∂ %1 / ∂e‖</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Gradient × input&lt;/b&gt; Σ&lt;sub&gt;d&lt;/sub&gt; ∂f/∂e&lt;sub&gt;jd&lt;/sub&gt;·e&lt;sub&gt;jd&lt;/sub&gt;: to first order, how much token j&apos;s vector adds to f (&lt;span style=&apos;color:%1&apos;&gt;red raises it&lt;/span&gt;, &lt;span style=&apos;color:%2&apos;&gt;blue lowers it&lt;/span&gt;).</source>
        <translation>&lt;b&gt;Gradient × entrée&lt;/b&gt; Σ&lt;sub&gt;d&lt;/sub&gt; ∂f/∂e&lt;sub&gt;jd&lt;/sub&gt;·e&lt;sub&gt;jd&lt;/sub&gt;&#xa0;: au premier ordre, combien le vecteur du token j ajoute à f (&lt;span style=&apos;color:%1&apos;&gt;le rouge l’augmente&lt;/span&gt;, &lt;span style=&apos;color:%2&apos;&gt;le bleu le diminue&lt;/span&gt;).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Gradient norm&lt;/b&gt; ‖∂f/∂e&lt;sub&gt;j&lt;/sub&gt;‖: how sensitive f is to token j&apos;s vector, whatever the direction.</source>
        <translation>&lt;b&gt;Norme du gradient&lt;/b&gt; ‖∂f/∂e&lt;sub&gt;j&lt;/sub&gt;‖&#xa0;: la sensibilité de f au vecteur du token j, quelle que soit la direction.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> f = the %1 of «%2»; e&lt;sub&gt;j&lt;/sub&gt; is the vector the encoder reads for token j</source>
        <translation> f = le %1 de «&#xa0;%2&#xa0;»&#xa0;; e&lt;sub&gt;j&lt;/sub&gt; est le vecteur que lit l’encodeur pour le token j</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (emb·√d, without the positions)</source>
        <translation> (emb·√d, sans les positions)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;i&gt;The model is sure of this token (p ≈ 1), where log p is flat: every gradient is small. The logit shows better what supports it.&lt;/i&gt; </source>
        <translation>&lt;i&gt;Le modèle est sûr de ce token (p ≈ 1), là où log p est plat&#xa0;: tous les gradients sont petits. Le logit montre mieux ce qui le soutient.&lt;/i&gt; </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Largest |value| %1 · %n step(s) in %2 ms.</source>
        <translation>
            <numerusform>Plus grande |valeur| %1 · %n étape en %2 ms.</numerusform>
            <numerusform>Plus grande |valeur| %1 · %n étapes en %2 ms.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>attn::ui::Session</name>
    <message>
        <location filename="../documents/session.cpp" line="+24"/>
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
        <source>Choose an Attention Studio model file (.safetensors), such as one saved after training here or exported from PyTorch with the metadata described in docs/file-formats.md (Model file).</source>
        <translation>Choisissez un fichier de modèle Attention Studio (.safetensors), par exemple un modèle enregistré après un entraînement ici ou exporté de PyTorch avec les métadonnées décrites dans docs/file-formats.md (section « Model file »).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <source>Choose a trace written by Attention Studio or attention-cli, or a JSON file in the format of docs/file-formats.md (Trace file).</source>
        <translation>Choisissez une trace écrite par Attention Studio ou attention-cli, ou un fichier JSON au format décrit dans docs/file-formats.md (section « Trace file »).</translation>
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
        <location line="+11"/>
        <source>Saved the model to %1</source>
        <translation>Modèle enregistré dans %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+17"/>
        <source>Decode</source>
        <translation>Décodage</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>There is no model to decode with.</source>
        <translation>Il n’y a aucun modèle pour décoder.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a model file, pick a bundled model, or train one first.</source>
        <translation>Ouvrez d’abord un fichier de modèle, choisissez un modèle fourni, ou entraînez-en un.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decoding…</source>
        <translation>Décodage…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Check the sentence and the options, then decode again.</source>
        <translation>Vérifiez la phrase et les options, puis décodez à nouveau.</translation>
    </message>
    <message>
        <location line="+21"/>
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
        <location line="+8"/>
        <source>Decoded: %1 output tokens</source>
        <translation>Décodé&#xa0;: %1 tokens de sortie</translation>
    </message>
</context>
<context>
    <name>attn::ui::ShortcutsDialog</name>
    <message>
        <location filename="../window/shortcuts_dialog.cpp" line="+65"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>attn::ui::StepControls</name>
    <message>
        <location filename="../views/step_controls.cpp" line="+23"/>
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
        <location filename="../views/step_view.cpp" line="+43"/>
        <location line="+155"/>
        <source>Attention over the source</source>
        <translation>Attention sur la source</translation>
    </message>
    <message>
        <location line="-152"/>
        <location line="+182"/>
        <source>Next-token probabilities</source>
        <translation>Probabilités du token suivant</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Output so far</source>
        <translation>Sortie jusqu’ici</translation>
    </message>
    <message>
        <location line="+43"/>
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
        <location line="+23"/>
        <source>step %1: &lt;unk&gt; → %2</source>
        <translation>étape %1&#xa0;: &lt;unk&gt; → %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> This step&apos;s &lt;unk&gt; is shown as %1, the source token it attends to most.</source>
        <translation> Le &lt;unk&gt; de cette étape est montré comme %1, le token source auquel il prête le plus attention.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown words replaced (Luong et al. 2015): %1.</source>
        <translation>Mots inconnus remplacés (Luong et al. 2015)&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;i&gt;Decode a sentence to follow the decoder one token at a time.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Décodez une phrase pour suivre le décodeur un token à la fois.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A classifier makes one decision: &lt;b&gt;%1&lt;/b&gt;. Its attention is in the Hops tab.</source>
        <translation>Un classifieur prend une seule décision&#xa0;: &lt;b&gt;%1&lt;/b&gt;. Son attention est dans l’onglet Sauts.</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+5"/>
        <source>Next-token probabilities (top %1, for the word&apos;s first piece)</source>
        <translation>Probabilités du token suivant (les %1 premiers, pour le premier morceau du mot)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next-token probabilities (top %1)</source>
        <translation>Probabilités du token suivant (les %1 premiers)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This trace holds no probabilities (a trace from elsewhere, or the hand-made example).</source>
        <translation>Cette trace ne contient pas de probabilités (une trace venue d’ailleurs, ou l’exemple fait à la main).</translation>
    </message>
</context>
<context>
    <name>attn::ui::TabTable</name>
    <message>
        <location filename="../window/tab_table.cpp" line="+34"/>
        <source>Show the %1 tab</source>
        <translation>Afficher l’onglet %1</translation>
    </message>
</context>
<context>
    <name>attn::ui::TaskInputs</name>
    <message>
        <location filename="../views/task_inputs.cpp" line="+22"/>
        <source>a date between %1 and %2 written in English or French in one of %3 ways (words or numbers, with or without the weekday, the year in full or as two digits), to its ISO form</source>
        <translation>une date entre %1 et %2 écrite en anglais ou en français de l’une de %3 façons (en lettres ou en chiffres, avec ou sans le jour de la semaine, l’année en entier ou sur deux chiffres), vers sa forme ISO</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>short English sentences from a small vocabulary (articles, adjectives, nouns, verbs), to French with agreement and the adjective after the noun</source>
        <translation>de courtes phrases anglaises d’un petit vocabulaire (articles, adjectifs, noms, verbes), vers le français avec l’accord et l’adjectif après le nom</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>short English review sentences, with negation, intensifiers and &quot;but&quot;, to positive or negative</source>
        <translation>de courtes phrases d’avis en anglais, avec négation, intensifs et «&#xa0;but&#xa0;», vers positif ou négatif</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sequences of symbols, to the same sequence</source>
        <translation>des suites de symboles, vers la même suite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequences of symbols, to the sequence reversed</source>
        <translation>des suites de symboles, vers la suite à l’envers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequences of symbols, to the sequence sorted</source>
        <translation>des suites de symboles, vers la suite triée</translation>
    </message>
</context>
<context>
    <name>attn::ui::TraceDocument</name>
    <message>
        <location filename="../documents/trace_document.cpp" line="+98"/>
        <source>Cross-attention (output → source)</source>
        <translation>Attention croisée (sortie → source)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encoder self-attention (source → source)</source>
        <translation>Auto-attention de l’encodeur (source → source)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decoder self-attention (output → earlier outputs)</source>
        <translation>Auto-attention du décodeur (sortie → sorties précédentes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attention hops (Lin et al.)</source>
        <translation>Sauts d’attention (Lin et al.)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>hop %1</source>
        <translation>saut %1</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location filename="../panels/train_config_form.cpp" line="+41"/>
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
        <location line="+155"/>
        <source>validation examples</source>
        <translation>exemples de validation</translation>
    </message>
    <message>
        <location line="-154"/>
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
        <location line="+87"/>
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
        <location line="-94"/>
        <source>Corpus file</source>
        <translation>Fichier de corpus</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+43"/>
        <source>Config key %1</source>
        <translation>Clé de configuration %1</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <location line="+9"/>
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
        <location line="+157"/>
        <source>Set how long to train: a number of steps or of epochs.</source>
        <translation>Indiquez combien de temps entraîner&#xa0;: un nombre de pas ou d’époques.</translation>
    </message>
    <message>
        <location line="-275"/>
        <source>Default %1; allowed %2</source>
        <translation>Par défaut %1&#xa0;; valeurs permises %2</translation>
    </message>
    <message>
        <location line="+285"/>
        <source>The model config: %1.</source>
        <translation>La configuration du modèle&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>attn::ui::TrainingPanel</name>
    <message>
        <location filename="../panels/training_panel.cpp" line="+51"/>
        <source>Start training</source>
        <translation>Lancer l’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+182"/>
        <location line="+72"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>not started</source>
        <translation>pas commencé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the data, the model and the settings on the left, then start. Training runs in the background: the rest of the app stays usable.</source>
        <translation>Choisissez les données, le modèle et les réglages à gauche, puis lancez. L’entraînement tourne en arrière-plan&#xa0;: le reste de l’application reste utilisable.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Loss and validation</source>
        <translation>Perte et validation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignment forming</source>
        <translation>Formation de l’alignement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The attention on one held-out example, kept every few steps</source>
        <translation>L’attention sur un exemple mis de côté, gardée tous les quelques pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Corpus preview</source>
        <translation>Aperçu du corpus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The corpus file as training will read it</source>
        <translation>Le fichier de corpus tel que l’entraînement le lira</translation>
    </message>
    <message>
        <location line="+25"/>
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
        <location line="+17"/>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fix the form on the left, then start again.</source>
        <translation>Corrigez le formulaire à gauche, puis relancez.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>preparing the data…</source>
        <translation>préparation des données…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generating the data and building the model…</source>
        <translation>Génération des données et construction du modèle…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training started</source>
        <translation>Entraînement lancé</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Training on %1</source>
        <translation>Entraînement sur %1</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+8"/>
        <source>%1% of the validation tokens are unknown to the new vocabularies: lower the min frequency, raise the max vocabulary, or choose the sentencepiece tokenizer.</source>
        <translation>%1&#xa0;% des tokens de validation sont inconnus des nouveaux vocabulaires&#xa0;: baissez la fréquence min., augmentez le vocabulaire max., ou choisissez le découpage sentencepiece.</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+6"/>
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
        <location filename="../runners/training_worker.cpp" line="+217"/>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the data source and the settings in the form, then start again.</source>
        <translation>Vérifiez la source des données et les réglages du formulaire, puis relancez.</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>loss %1</source>
        <translation>perte %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>exact match</source>
        <translation>correspondance exacte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accuracy</source>
        <translation>exactitude</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>token accuracy</source>
        <translation>exactitude par token</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>BLEU %1</source>
        <translation>BLEU %1</translation>
    </message>
</context>
<context>
    <name>attn::ui::TranslationsCorpusDialog</name>
    <message>
        <location filename="../panels/translations_corpus_dialog.cpp" line="+50"/>
        <source>Build the corpus</source>
        <translation>Construire le corpus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A corpus from this computer&apos;s translations</source>
        <translation>Un corpus à partir des traductions de cet ordinateur</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>translate English into</source>
        <translation>traduire l’anglais en</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write the corpus to</source>
        <translation>écrire le corpus dans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each English message of a program becomes a source and its translation the target. The strings keep their programs&apos; licences: the corpus is for your own use.</source>
        <translation>Chaque message anglais d’un programme devient une source et sa traduction la cible. Les chaînes gardent les licences de leurs programmes&#xa0;: le corpus est pour votre propre usage.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Train on it</source>
        <translation>Entraîner dessus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Write the corpus to</source>
        <translation>Écrire le corpus dans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TSV (*.tsv)</source>
        <translation>TSV (*.tsv)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Kept %1 pairs of %2 messages from %3 catalogs.</source>
        <translation>%1 paires gardées sur %2 messages de %3 catalogues.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 untranslated</source>
        <translation>%1 non traduits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 duplicates of a message already kept</source>
        <translation>%1 doublons d’un message déjà gardé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 too long</source>
        <translation>%1 trop longs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 empty once accelerators and directives were taken off</source>
        <translation>%1 vides une fois les raccourcis clavier et les directives retirés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in catalogs not in UTF-8</source>
        <translation>%1 dans des catalogues qui ne sont pas en UTF-8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 plural forms after the singular</source>
        <translation>%1 formes plurielles après le singulier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Left out: %1.</source>
        <translation>Écartés&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Context prefixes taken off %1 messages (they are kept).</source>
        <translation>Préfixes de contexte retirés de %1 messages (ils sont gardés).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 catalogs could not be read and were skipped.</source>
        <translation>%1 catalogues n’ont pas pu être lus et ont été sautés.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a language and the file to write.</source>
        <translation>Choisissez une langue et le fichier à écrire.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The catalogs of &quot;%1&quot; give no pair.</source>
        <translation>Les catalogues de «&#xa0;%1&#xa0;» ne donnent aucune paire.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Written to %1.</source>
        <translation>Écrit dans %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not build the corpus: %1</source>
        <translation>Impossible de construire le corpus&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>attn::ui::VectorRow</name>
    <message>
        <location filename="../teach/computation_view_widgets.cpp" line="+54"/>
        <source>fewer</source>
        <translation>moins</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>all %1 values</source>
        <translation>les %1 valeurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the first values only</source>
        <translation>N’afficher que les premières valeurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every value of this vector</source>
        <translation>Afficher toutes les valeurs de ce vecteur</translation>
    </message>
</context>
</TS>
